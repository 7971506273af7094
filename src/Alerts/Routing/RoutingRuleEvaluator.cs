using Microsoft.Extensions.Options;
using SocialWatch.Core.Alerts;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Routing;
using SocialWatch.Core.Scoring;

namespace SocialWatch.Alerts.Routing;

/// <summary>Runs the ordered rules against one mention: first enabled match wins, else the default route.</summary>
public sealed class RoutingRuleEvaluator(IOptions<RoutingOptions> options)
{
    private readonly RoutingOptions _options = options.Value;

    /// <summary>Returns where the mention goes, or null when it raises no alert.</summary>
    /// <param name="rules">The rules in evaluation order.</param>
    public RouteDecision? Evaluate(IReadOnlyList<RoutingRule> rules, StoredMention mention)
    {
        foreach (var rule in rules)
        {
            if (!rule.Enabled || !Matches(rule.Conditions, mention))
            {
                continue;
            }

            if (rule.Action == RuleAction.Ignore)
            {
                return null;
            }

            var team = string.IsNullOrWhiteSpace(rule.Team) ? _options.DefaultTeam : rule.Team;
            return new RouteDecision(team, rule.Priority, rule.SlaPolicy ?? _options.DefaultSlaPolicy, rule.Name);
        }

        return TakesDefaultRoute(mention.Score)
            ? new RouteDecision(_options.DefaultTeam, DefaultPriorityFor(mention.Score!), _options.DefaultSlaPolicy, "default")
            : null;
    }

    private AlertPriority DefaultPriorityFor(MentionScore score)
    {
        if (!_options.PriorityFollowsEscalation)
        {
            return _options.DefaultPriority;
        }

        var byEscalation = score.Escalation.Level switch
        {
            EscalationLevel.Critical => AlertPriority.Urgent,
            EscalationLevel.High => AlertPriority.High,
            _ => _options.DefaultPriority,
        };
        return byEscalation > _options.DefaultPriority ? byEscalation : _options.DefaultPriority;
    }

    private bool TakesDefaultRoute(MentionScore? score) =>
        score is not null
        && (score.Complaint >= _options.DefaultRouteMinComplaint || score.Escalation.Level >= _options.DefaultRouteMinEscalation);

    internal static bool Matches(RuleConditions c, StoredMention stored)
    {
        var m = stored.Mention;
        var score = stored.Score;

        if (!AnyEquals(c.Brands, m.Brand) || !AnyEquals(c.Sources, m.Source))
        {
            return false;
        }

        if (c.Languages.Count > 0 && (m.Language is null || !AnyEquals(c.Languages, m.Language)))
        {
            return false;
        }

        if (c.MinFollowers is { } minFollowers && m.Author.Followers < minFollowers)
        {
            return false;
        }

        if (c.VerifiedAuthor is { } verified && m.Author.Verified != verified)
        {
            return false;
        }

        if (c.KeywordsAny.Count > 0 && !c.KeywordsAny.Any(k => m.Text.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var needsScore = c.Sentiments.Count > 0 || c.MinComplaint is not null || c.MinEscalationLevel is not null || c.ReasonsAny.Count > 0;
        if (!needsScore)
        {
            return true;
        }

        // A mention stored without a score cannot satisfy a condition on the score.
        if (score is null)
        {
            return false;
        }

        if (c.Sentiments.Count > 0 && !c.Sentiments.Contains(score.Sentiment.Label))
        {
            return false;
        }

        if (c.MinComplaint is { } minComplaint && score.Complaint < minComplaint)
        {
            return false;
        }

        if (c.MinEscalationLevel is { } minLevel && score.Escalation.Level < minLevel)
        {
            return false;
        }

        return c.ReasonsAny.Count == 0
            || c.ReasonsAny.Any(term => score.Escalation.Reasons.Any(r =>
                r.Code.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Text.Contains(term, StringComparison.OrdinalIgnoreCase)));
    }

    private static bool AnyEquals(IReadOnlyList<string> allowed, string value) =>
        allowed.Count == 0 || allowed.Any(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
}
