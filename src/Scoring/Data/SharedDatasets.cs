using System.Globalization;
using SocialWatch.Core.Scoring;
using SocialWatch.Scoring.Features;

namespace SocialWatch.Scoring.Data;

/// <summary>The public datasets under the shared data directory, split into train, dev and held-out test.</summary>
internal sealed record SharedData(
    IReadOnlyList<LabeledMention> Train,
    IReadOnlyList<LabeledMention> Test,
    string LexiconPath);

/// <summary>
/// Loads Figure Eight's tweet sentiment set and GoEmotions. Complaint labels are weak supervision (there are no
/// complaint labels in public data): a GoEmotions comment is a complaint when annotated with anger, annoyance,
/// disappointment, disapproval or disgust; a tweet is a complaint when labelled negative and it carries a
/// service, blame, churn, repetition or legal cue, or when it is not positive and carries a legal, accusation or
/// discrimination cue (a threat or an accusation is a grievance even when the annotator read its tone as neutral);
/// every other row is a non-complaint.
/// </summary>
internal static class SharedDatasets
{
    public const string TweetsOrigin = "tweets";
    public const string GoEmotionsOrigin = "goemotions";

    // GoEmotions label ids of the emotions that mark grievance (labels.txt order).
    private static readonly HashSet<int> s_grievanceEmotions = [2, 3, 9, 10, 11];

    public static SharedData Load(string dataDirectory, int? maxRowsPerFile = null)
    {
        var tweets = Path.Combine(dataDirectory, "tweet-sentiment-extraction");
        var goemotions = Path.Combine(dataDirectory, "goemotions");
        var lexicon = Path.Combine(dataDirectory, "vader", "vader_lexicon.txt");
        foreach (var required in new[] { tweets, goemotions })
        {
            if (!Directory.Exists(required))
            {
                throw new DirectoryNotFoundException(
                    $"Training data folder '{required}' not found. Pass --data <dir> pointing at the shared data (see SOURCES.md).");
            }
        }

        var train = new List<LabeledMention>();
        train.AddRange(LoadTweets(Path.Combine(tweets, "train.csv"), maxRowsPerFile));
        train.AddRange(LoadGoEmotions(goemotions, "train", maxRowsPerFile));
        var test = new List<LabeledMention>();
        test.AddRange(LoadTweets(Path.Combine(tweets, "test.csv"), maxRowsPerFile));
        test.AddRange(LoadGoEmotions(goemotions, "test", maxRowsPerFile));
        return new SharedData(train, test, lexicon);
    }

    public static IEnumerable<LabeledMention> LoadTweets(string path, int? maxRows)
    {
        using var reader = new StreamReader(path);
        var rows = 0;
        var scratch = new FeatureScratch();
        int textColumn = -1, sentimentColumn = -1;
        foreach (var row in new CsvRowReader(reader).ReadRows())
        {
            if (textColumn < 0)
            {
                textColumn = Array.IndexOf(row.Fields, "text");
                sentimentColumn = Array.IndexOf(row.Fields, "sentiment");
                if (textColumn < 0 || sentimentColumn < 0)
                {
                    throw new InvalidDataException($"{path}: header needs the columns text and sentiment.");
                }

                continue;
            }

            if (maxRows is not null && rows >= maxRows)
            {
                yield break;
            }

            if (row.Error is not null || row.Fields.Length <= Math.Max(textColumn, sentimentColumn))
            {
                continue;
            }

            var text = row.Fields[textColumn].Trim();
            var label = ParseSentiment(row.Fields[sentimentColumn]);
            if (string.IsNullOrEmpty(text) || label is null)
            {
                continue;
            }

            rows++;
            TextFeaturizer.Featurize(text, 10, scratch);
            var cues = scratch.Cues;
            var hasComplaintCue = cues.Service + cues.Blame + cues.Accusation + cues.Churn + cues.Repetition + cues.Legal + cues.Durations > 0;
            yield return new LabeledMention(new ScoringInput(text))
            {
                Sentiment = label,
                Complaint = (label == SentimentLabel.Negative && hasComplaintCue)
                    || (label != SentimentLabel.Positive && cues.Legal + cues.Accusation + cues.Discrimination > 0),
                Origin = TweetsOrigin,
            };
        }
    }

    public static IEnumerable<LabeledMention> LoadGoEmotions(string folder, string split, int? maxRows)
    {
        var original = Path.Combine(folder, "original", split + ".tsv");
        var group = Path.Combine(folder, "group", split + ".tsv");
        using var emotions = File.ReadLines(original).GetEnumerator();
        var rows = 0;
        foreach (var groupLine in File.ReadLines(group))
        {
            if (!emotions.MoveNext() || (maxRows is not null && rows >= maxRows))
            {
                yield break;
            }

            var g = groupLine.Split('\t');
            var e = emotions.Current.Split('\t');
            if (g.Length < 2 || e.Length < 2 || g[0] != e[0])
            {
                continue;
            }

            var groups = ParseIds(g[1]);
            SentimentLabel? sentiment = groups.Count == 1
                ? groups[0] switch
                {
                    1 => SentimentLabel.Negative,
                    2 => SentimentLabel.Neutral,
                    3 => SentimentLabel.Positive,
                    _ => null,
                }
                : null;
            rows++;
            yield return new LabeledMention(new ScoringInput(g[0]))
            {
                Sentiment = sentiment,
                Complaint = ParseIds(e[1]).Any(s_grievanceEmotions.Contains),
                Origin = GoEmotionsOrigin,
            };
        }
    }

    public static SentimentLabel? ParseSentiment(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "negative" => SentimentLabel.Negative,
        "neutral" => SentimentLabel.Neutral,
        "positive" => SentimentLabel.Positive,
        _ => null,
    };

    private static List<int> ParseIds(string ids)
    {
        var list = new List<int>(2);
        foreach (var part in ids.Split(','))
        {
            if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                list.Add(id);
            }
        }

        return list;
    }
}
