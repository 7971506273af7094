using Microsoft.Extensions.Logging;

namespace SocialWatch.Scoring;

internal static partial class ScoringLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Loaded scoring models {Version} from {Directory}")]
    public static partial void ModelsLoaded(ILogger logger, string version, string directory);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Retrain skipped: {HeldOut} held-out feedback labels, {Required} needed to judge a candidate")]
    public static partial void RetrainSkipped(ILogger logger, int heldOut, int required);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Retrain trained candidate {Version} on {Labels} feedback labels; held-out quality candidate {Candidate:0.0000} vs current {Current:0.0000}")]
    public static partial void CandidateTrained(ILogger logger, string version, int labels, double candidate, double current);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Promoted model {Version}: {Reason}")]
    public static partial void Promoted(ILogger logger, string version, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Refused to promote model {Version}: {Reason}")]
    public static partial void Refused(ILogger logger, string version, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Rolled back scoring models from {From} to {To}")]
    public static partial void RolledBack(ILogger logger, string from, string to);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Feedback label {Id}: {Problem}")]
    public static partial void FeedbackProblem(ILogger logger, long id, string problem);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Model directory {Target} held no model: copied the seed model from {Source}")]
    public static partial void ModelSeeded(ILogger logger, string source, string target);
}
