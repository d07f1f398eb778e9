namespace Analyzer.Output;

public interface IAlertSink
{
    void OnAlert(Alert alert);
}
