namespace Analyzer.Census;

/// <summary>A port mapping left open at the end in one home of a fleet.</summary>
public sealed record FleetMapping(string Sensor, OpenMapping Mapping);
