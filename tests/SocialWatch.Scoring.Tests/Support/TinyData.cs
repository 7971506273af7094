using System.Globalization;
using System.Text;

namespace SocialWatch.Scoring.Tests.Support;

/// <summary>
/// A tiny data directory shaped like the shared data (same files and formats), written from our own invented
/// sentences so test training runs take seconds.
/// </summary>
internal static class TinyData
{
    private static readonly string[] s_negative =
    [
        "this is awful and I hate it", "worst service ever, totally useless", "I am so angry, still waiting for my refund",
        "terrible experience, never again", "the app keeps crashing, so annoying", "my order arrived broken and late",
        "horrible support, nobody answers", "what a disappointing mess", "I hate waiting on hold for hours",
        "this is the worst, really sad and upset", "rude staff and a terrible attitude", "broken again, I am furious",
    ];

    private static readonly string[] s_neutral =
    [
        "the store opens at nine tomorrow", "I am going to the shop later", "the train leaves from platform two",
        "we talked about the schedule", "the meeting is on tuesday", "I read the article this morning",
        "the package contains two items", "she moved to a new flat", "the update is version three",
        "they changed the menu this week", "here is the link to the form", "the weather is cloudy today",
    ];

    private static readonly string[] s_positive =
    [
        "I love this, it is wonderful", "great service and friendly staff", "thank you so much, amazing help",
        "best purchase ever, very happy", "awesome team, fixed it fast", "such a lovely experience",
        "really good quality, I am pleased", "fantastic support, thanks a lot", "happy with the fast delivery",
        "what a great day, love it", "excellent work, well done", "beautiful design and great value",
    ];

    public static string Create(int repeat = 6)
    {
        var root = Path.Combine(Path.GetTempPath(), "sw-tiny-" + Guid.NewGuid().ToString("N"));
        var tweets = Directory.CreateDirectory(Path.Combine(root, "tweet-sentiment-extraction")).FullName;
        var original = Directory.CreateDirectory(Path.Combine(root, "goemotions", "original")).FullName;
        var group = Directory.CreateDirectory(Path.Combine(root, "goemotions", "group")).FullName;
        var vader = Directory.CreateDirectory(Path.Combine(root, "vader")).FullName;

        var rows = new List<(string Text, string Label)>();
        for (var r = 0; r < repeat; r++)
        {
            rows.AddRange(s_negative.Select(t => ($"{t} {Suffix(r)}", "negative")));
            rows.AddRange(s_neutral.Select(t => ($"{t} {Suffix(r)}", "neutral")));
            rows.AddRange(s_positive.Select(t => ($"{t} {Suffix(r)}", "positive")));
        }

        var train = new StringBuilder("textID,text,selected_text,sentiment\n");
        var test = new StringBuilder("textID,text,sentiment\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (text, label) = rows[i];
            if (i % 5 == 0)
            {
                test.Append(CultureInfo.InvariantCulture, $"t{i},\"{text}\",{label}\n");
            }
            else
            {
                train.Append(CultureInfo.InvariantCulture, $"t{i},\"{text}\",\"{text}\",{label}\n");
            }
        }

        File.WriteAllText(Path.Combine(tweets, "train.csv"), train.ToString());
        File.WriteAllText(Path.Combine(tweets, "test.csv"), test.ToString());

        // GoEmotions: group 1 negative, 2 neutral, 3 positive; emotion 2 (anger) marks a grievance, 27 neutral, 17 joy.
        foreach (var split in new[] { "train", "test" })
        {
            var o = new StringBuilder();
            var g = new StringBuilder();
            for (var i = 0; i < rows.Count; i++)
            {
                if ((split == "test") != (i % 5 == 0))
                {
                    continue;
                }

                var (text, label) = rows[i];
                var (emotion, grp) = label switch { "negative" => ("2", "1"), "neutral" => ("27", "2"), _ => ("17", "3") };
                o.Append(CultureInfo.InvariantCulture, $"{text} here\t{emotion}\tc{i}\n");
                g.Append(CultureInfo.InvariantCulture, $"{text} here\t{grp}\tc{i}\n");
            }

            File.WriteAllText(Path.Combine(original, split + ".tsv"), o.ToString());
            File.WriteAllText(Path.Combine(group, split + ".tsv"), g.ToString());
        }

        File.WriteAllText(Path.Combine(vader, "vader_lexicon.txt"),
            "hate\t-2.7\t1\t[]\nawful\t-2.0\t1\t[]\nlove\t3.2\t1\t[]\ngreat\t3.1\t1\t[]\ngood\t1.9\t1\t[]\nbad\t-2.5\t1\t[]\nterrible\t-2.1\t1\t[]\nhappy\t2.7\t1\t[]\n");
        return root;
    }

    private static string Suffix(int r) => r switch
    {
        0 => "",
        1 => "today",
        2 => "honestly",
        3 => "again today",
        4 => "this week",
        _ => "for real",
    };
}
