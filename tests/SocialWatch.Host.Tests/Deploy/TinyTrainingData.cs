using System.Globalization;
using System.Text;

namespace SocialWatch.Host.Tests.Deploy;

/// <summary>
/// A training data folder shaped like the shared public data (tweets CSV, GoEmotions TSV pair, VADER lexicon),
/// written from a few invented sentences so that a retrain inside the contract test takes seconds.
/// </summary>
internal static class TinyTrainingData
{
    private static readonly (string Text, string Label)[] s_rows =
    [
        ("this is awful, still waiting for my refund", "negative"), ("worst service ever, nobody answers", "negative"),
        ("my order arrived broken and late again", "negative"), ("the app keeps crashing, I am furious", "negative"),
        ("the store opens at nine tomorrow", "neutral"), ("the meeting moved to tuesday", "neutral"),
        ("the parcel holds two items", "neutral"), ("the update is version three", "neutral"),
        ("great service and friendly staff", "positive"), ("thank you, amazing help today", "positive"),
        ("love the fast delivery", "positive"), ("excellent support, fixed it quickly", "positive"),
    ];

    public static void Write(string root)
    {
        var tweets = Directory.CreateDirectory(Path.Combine(root, "tweet-sentiment-extraction")).FullName;
        var original = Directory.CreateDirectory(Path.Combine(root, "goemotions", "original")).FullName;
        var group = Directory.CreateDirectory(Path.Combine(root, "goemotions", "group")).FullName;
        var vader = Directory.CreateDirectory(Path.Combine(root, "vader")).FullName;
        string[] suffixes = ["", " today", " honestly", " this week", " again", " for real"];
        var rows = suffixes.SelectMany(s => s_rows.Select(r => (Text: r.Text + s, r.Label))).ToList();

        var train = new StringBuilder("textID,text,selected_text,sentiment\n");
        var test = new StringBuilder("textID,text,sentiment\n");
        var splits = new Dictionary<string, (StringBuilder Original, StringBuilder Group)> { ["train"] = (new(), new()), ["test"] = (new(), new()) };
        for (var i = 0; i < rows.Count; i++)
        {
            var (text, label) = rows[i];
            var split = i % 5 == 0 ? "test" : "train";
            _ = split == "test"
                ? test.Append(CultureInfo.InvariantCulture, $"t{i},\"{text}\",{label}\n")
                : train.Append(CultureInfo.InvariantCulture, $"t{i},\"{text}\",\"{text}\",{label}\n");

            // GoEmotions groups: 1 negative, 2 neutral, 3 positive; emotion 2 (anger) marks a grievance, 27 neutral, 17 joy.
            var (emotion, grp) = label switch { "negative" => ("2", "1"), "neutral" => ("27", "2"), _ => ("17", "3") };
            splits[split].Original.Append(CultureInfo.InvariantCulture, $"{text} here\t{emotion}\tc{i}\n");
            splits[split].Group.Append(CultureInfo.InvariantCulture, $"{text} here\t{grp}\tc{i}\n");
        }

        File.WriteAllText(Path.Combine(tweets, "train.csv"), train.ToString());
        File.WriteAllText(Path.Combine(tweets, "test.csv"), test.ToString());
        foreach (var (split, (o, g)) in splits)
        {
            File.WriteAllText(Path.Combine(original, split + ".tsv"), o.ToString());
            File.WriteAllText(Path.Combine(group, split + ".tsv"), g.ToString());
        }

        File.WriteAllText(Path.Combine(vader, "vader_lexicon.txt"), "awful\t-2.0\t1\t[]\nworst\t-3.1\t1\t[]\nfurious\t-2.7\t1\t[]\ngreat\t3.1\t1\t[]\nlove\t3.2\t1\t[]\nexcellent\t2.7\t1\t[]\n");
    }
}
