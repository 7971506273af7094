namespace SocialWatch.Core.Ingest;

/// <summary>
/// Tells an operator that something needs a person: a source hit its usage cap, a budget ran out,
/// credentials were refused. Implemented by Alerts (an <c>Operator</c> alert); ingest only raises.
/// </summary>
public interface IOperatorAlerts
{
    /// <param name="source">Lower-case source name the problem is about ("x", "reddit"...).</param>
    /// <param name="message">What happened and what the operator can do; plain text.</param>
    Task RaiseAsync(string source, string message, CancellationToken cancellationToken);
}
