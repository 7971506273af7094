namespace SocialWatch.Scoring.Features;

/// <summary>
/// Cue words and phrases (up to three words), looked up by the same token hashes the featurizer computes,
/// so finding cues costs a table probe per token rather than string work.
/// </summary>
internal static class CueLexicon
{
    private static readonly (CueGroup Group, string[] Phrases)[] s_groups =
    [
        (CueGroup.Legal, [
            "lawyer", "lawyers", "attorney", "attorneys", "solicitor", "sue", "suing", "sued", "lawsuit", "lawsuits",
            "legal action", "legal", "court", "small claims", "class action", "ombudsman", "trading standards",
            "chargeback", "you in court", "my rights", "consumer rights", "regulator", "ftc", "cfpb", "better business bureau",
            "report you", "reporting you", "file a complaint", "formal complaint", "litigation", "breach of contract",
        ]),
        (CueGroup.Safety, [
            "fire", "caught fire", "smoke", "smoking", "burn", "burned", "burnt", "burns", "explode", "exploded", "explosion",
            "injury", "injured", "injuries", "hospital", "food poisoning", "poisoning", "poisoned", "allergic",
            "allergy", "anaphylaxis", "choking", "choked", "unsafe", "dangerous", "hazard", "hazardous", "electric shock",
            "sparks", "sparking", "recall", "mold", "mould", "glass in", "raw chicken", "overheating", "overheated",
            "melted", "toxic", "bleeding", "sick", "vomiting", "ambulance", "carbon monoxide", "gas leak", "brakes failed",
        ]),
        (CueGroup.Churn, [
            "cancel", "cancelling", "canceling", "cancelled my", "canceled my", "close my account", "closing my account",
            "switching", "switch to", "switched to", "leaving", "never again", "never buying", "never using",
            "never ordering", "never flying", "last time", "done with", "unsubscribe", "boycott", "taking my business",
            "moving to", "going elsewhere", "lost a customer", "losing a customer", "won't be back", "wont be back",
            "not renewing", "competitor", "ex customer", "former customer",
        ]),
        (CueGroup.Media, [
            "journalist", "journalists", "press", "news", "reporter", "reporters", "bbc", "cnn", "newspaper",
            "watchdog", "viral", "go viral", "going viral", "tiktok", "youtube video", "spread the word",
            "everyone should know", "warn everyone", "retweet", "rt", "share this", "tell everyone", "blog", "podcast", "media",
        ]),
        (CueGroup.Discrimination, [
            "racist", "racism", "racial", "sexist", "sexism", "discriminated", "discrimination", "discriminate",
            "homophobic", "transphobic", "profiled", "profiling", "harassed", "harassment", "because i'm black",
            "of my race", "of my disability", "ableist", "misogynist", "bigot", "bigoted",
            "xenophobic", "islamophobic", "antisemitic", "slur", "slurs",
        ]),
        (CueGroup.Blame, [
            "your staff", "your employee", "your employees", "your driver", "your manager", "your agent", "your team",
            "your fault", "staff", "employee", "employees", "manager", "cashier", "waiter", "rude", "incompetent",
            "incompetence", "blame", "blamed", "useless", "unprofessional", "hung up", "laughed at", "yelled at",
            "shouted at", "attitude", "careless",
        ]),
        (CueGroup.Accusation, [
            "liar", "liars", "lied", "lying", "scam", "scammed", "scammers", "fraud", "fraudulent", "stole", "stolen",
            "steal", "stealing", "theft", "thieves", "negligent", "negligence", "cheated", "ripoff", "rip off",
            "ripped off", "disgrace", "disgraceful", "shameful", "deceived", "misled", "misleading",
            "false advertising", "cover up", "covering up", "robbed", "robbery", "con", "criminal",
        ]),
        (CueGroup.Service, [
            "hold", "on hold", "waiting", "waited", "wait", "refund", "refunds", "refunded", "customer service",
            "customer support", "support", "delivery", "delivered", "deliver", "order", "ordered", "orders", "package",
            "parcel", "broken", "broke", "damaged", "faulty", "defective", "missing", "late", "delayed", "delay",
            "delays", "charged", "overcharged", "double charged", "charge", "bill", "billing", "invoice", "outage",
            "down", "not working", "doesn't work", "doesnt work", "stopped working", "error", "ticket", "complaint",
            "no response", "no reply", "ignored", "ignoring", "agent", "call", "called", "calling", "email", "emailed",
            "chat", "replacement", "warranty", "account", "app", "crashed", "crashes", "crash", "locked out", "flight",
            "lost", "luggage", "baggage", "booking", "reservation", "subscription", "tracking", "courier", "driver",
            "service", "returned", "return", "exchange", "response", "respond", "reply", "fix", "fixed", "repair",
            "technician", "engineer", "appointment", "cancelled", "canceled", "wifi", "internet", "connection",
        ]),
        (CueGroup.Repetition, [
            "still", "again", "third time", "second time", "fourth time", "fifth time", "once again", "every time",
            "every single time", "yet again", "how many times", "no one", "nobody", "keeps", "keep getting",
            "for the last", "since", "already", "repeatedly", "multiple times", "countless",
        ]),
        (CueGroup.Profanity, [
            "fuck", "fucking", "fucked", "fuckin", "fucks", "shit", "shitty", "bullshit", "crap", "crappy", "damn",
            "wtf", "bs", "pissed", "piss", "ass", "asshole", "bastard", "bastards", "bloody", "hell", "screw", "screwed",
            "sucks", "suck", "ffs", "omfg",
        ]),
        (CueGroup.Negation, [
            "not", "no", "never", "nothing", "nobody", "none", "nowhere", "neither", "nor", "cannot", "cant", "dont",
            "didnt", "doesnt", "isnt", "wasnt", "wont", "havent", "hasnt", "arent", "werent", "couldnt", "shouldnt",
            "wouldnt", "without",
        ]),
        (CueGroup.TimeUnit, [
            "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "wk",
            "wks", "month", "months", "year", "years",
        ]),
    ];

    private static readonly CueTable s_table = Build();

    /// <summary>Longest phrase in words.</summary>
    public const int MaxPhraseWords = 3;

    public static CueTable Table => s_table;

    /// <summary>All phrases of a group, for the model card and tests.</summary>
    public static IReadOnlyList<string> PhrasesOf(CueGroup group) => s_groups.First(g => g.Group == group).Phrases;

    private static CueTable Build()
    {
        var table = new CueTable(4096);
        foreach (var (group, phrases) in s_groups)
        {
            foreach (var phrase in phrases)
            {
                var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var key = 0UL;
                for (var i = 0; i < words.Length; i++)
                {
                    // Only phrases of up to MaxPhraseWords words are looked for, so only their prefixes are marked.
                    if (i > 0 && words.Length <= MaxPhraseWords)
                    {
                        // The words so far open a longer phrase: the featurizer probes for it only after such a prefix.
                        table.Mark(key, i == 1 ? CueTable.OpensPhrase : CueTable.OpensThreeWordPhrase);
                    }

                    var h = FeatureHash.Token(FeatureHash.NormaliseWord(words[i]));
                    key = i == 0 ? FeatureHash.PhraseStart(h) : FeatureHash.PhraseNext(key, h);
                }

                table.Add(key, group);
            }
        }

        return table;
    }
}

/// <summary>
/// Open-addressing table from phrase hash to the set of cue groups it belongs to, plus two marks: the key is the
/// first word of a longer phrase, or the first two words of a three-word phrase.
/// </summary>
internal sealed class CueTable
{
    public const ushort OpensPhrase = 1 << 14;
    public const ushort OpensThreeWordPhrase = 1 << 15;
    public const ushort GroupMask = OpensPhrase - 1;

    private readonly ulong[] _keys;
    private readonly ushort[] _groups;
    private readonly int _shift;

    public CueTable(int capacityPowerOfTwo)
    {
        _keys = new ulong[capacityPowerOfTwo];
        _groups = new ushort[capacityPowerOfTwo];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacityPowerOfTwo);
    }

    public void Add(ulong key, CueGroup group) => Set(key, (ushort)(1 << (int)group));

    public void Mark(ulong key, ushort mark) => Set(key, mark);

    private void Set(ulong key, ushort bits)
    {
        key |= 1; // zero marks an empty slot
        var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (_keys[slot] != 0 && _keys[slot] != key)
        {
            slot = (slot + 1) & (_keys.Length - 1);
        }

        _keys[slot] = key;
        _groups[slot] |= bits;
    }

    /// <summary>Bit set of <see cref="CueGroup"/> values and marks for a phrase hash; 0 when it is neither cue nor prefix.</summary>
    public ushort Find(ulong key)
    {
        key |= 1;
        var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return _groups[slot];
            }

            if (k == 0)
            {
                return 0;
            }

            slot = (slot + 1) & (_keys.Length - 1);
        }
    }
}
