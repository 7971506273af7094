namespace SocialWatch.Ingest.Push;

/// <summary>The problems of one input item, by its position in the request (or its line in a file).</summary>
public sealed record MentionInputError(int Index, string? Id, IReadOnlyList<string> Errors);
