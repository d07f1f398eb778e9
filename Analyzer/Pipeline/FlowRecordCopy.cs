using Analyzer.Flows;

namespace Analyzer.Pipeline;

/// <summary>
/// Copies a finished flow into a record of the judging side's pool (<see cref="JudgingBatch"/>): what
/// <see cref="FlowRecord.Copy"/> does, without allocating. Every public property is copied (a test checks that none
/// is missed).
/// </summary>
internal static class FlowRecordCopy
{
    public static void Into(FlowRecord from, FlowRecord to)
    {
        to.Restart(from.Key, from.KeyHash, from.FirstUs);
        to.LastUs = from.LastUs;
        to.OrigIp = from.OrigIp;
        to.OrigPort = from.OrigPort;
        to.RespIp = from.RespIp;
        to.RespPort = from.RespPort;
        to.OrigPackets = from.OrigPackets;
        to.OrigBytes = from.OrigBytes;
        to.RespPackets = from.RespPackets;
        to.RespBytes = from.RespBytes;
        to.Protocol = from.Protocol;
        to.Messages = from.Messages;
        to.Anomalies = from.Anomalies;
        to.OrigFin = from.OrigFin;
        to.RespFin = from.RespFin;
        to.Reset = from.Reset;
        to.EndReason = from.EndReason;
    }
}
