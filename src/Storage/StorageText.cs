using SocialWatch.Core.Mentions;

namespace SocialWatch.Storage;

/// <summary>
/// PostgreSQL text cannot hold U+0000, so one post carrying it would fail its page on every retry and stall the
/// query. Every dialect replaces it with U+FFFD in the free-text fields of a mention, so all three store the same
/// value. Identity fields (source, external id, brand) are kept as given.
/// </summary>
internal static class StorageText
{
    private const char Nul = '\0';
    private const char Replacement = '\uFFFD';

    public static ScoredMention Clean(ScoredMention scored)
    {
        var m = scored.Mention;
        if (!Has(m.Text) && !Has(m.Author.Id) && !Has(m.Author.Handle) && !Has(m.Author.DisplayName)
            && !Has(m.Url) && !Has(m.Language) && !Has(m.ConversationId))
        {
            return scored;
        }

        var mention = m with
        {
            Text = Clean(m.Text),
            Author = m.Author with { Id = Clean(m.Author.Id), Handle = Clean(m.Author.Handle), DisplayName = CleanOrNull(m.Author.DisplayName) },
            Url = CleanOrNull(m.Url),
            Language = CleanOrNull(m.Language),
            ConversationId = CleanOrNull(m.ConversationId),
        };
        return scored with { Mention = mention };
    }

    private static bool Has(string? value) => value is not null && value.Contains(Nul, StringComparison.Ordinal);

    private static string Clean(string value) => value.Replace(Nul, Replacement);

    private static string? CleanOrNull(string? value) => value?.Replace(Nul, Replacement);
}
