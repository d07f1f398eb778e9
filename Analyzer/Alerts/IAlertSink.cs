namespace Analyzer.Alerts;

public interface IAlertSink
{
    void OnAlert(Alert alert);
}
