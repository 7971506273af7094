namespace SocialWatch.Scoring.Features;

/// <summary>Word and phrase groups that carry complaint and escalation meaning in brand mentions.</summary>
internal enum CueGroup
{
    Legal,
    Safety,
    Churn,
    Media,
    Discrimination,
    Blame,
    Accusation,
    Service,
    Repetition,
    Profanity,
    Negation,
    TimeUnit,
}

/// <summary>Raw counts gathered while tokenising one text; the dense features and the escalation reasons are built from them.</summary>
internal struct CueCounts
{
    public int Legal;
    public int Safety;
    public int Churn;
    public int Media;
    public int Discrimination;
    public int Blame;
    public int Accusation;
    public int Service;
    public int Repetition;
    public int Profanity;
    public int Negation;
    public int Durations;
    public int Mentions;
    public bool LeadingMention;
    public int Words;
    public int CapsWords;
    public int Exclamations;
    public int Questions;
    public int Elongations;
    public int Links;

    public readonly int Get(CueGroup group) => group switch
    {
        CueGroup.Legal => Legal,
        CueGroup.Safety => Safety,
        CueGroup.Churn => Churn,
        CueGroup.Media => Media,
        CueGroup.Discrimination => Discrimination,
        CueGroup.Blame => Blame,
        CueGroup.Accusation => Accusation,
        CueGroup.Service => Service,
        CueGroup.Repetition => Repetition,
        CueGroup.Profanity => Profanity,
        CueGroup.Negation => Negation,
        _ => 0,
    };

    public void Add(CueGroup group)
    {
        switch (group)
        {
            case CueGroup.Legal: Legal++; break;
            case CueGroup.Safety: Safety++; break;
            case CueGroup.Churn: Churn++; break;
            case CueGroup.Media: Media++; break;
            case CueGroup.Discrimination: Discrimination++; break;
            case CueGroup.Blame: Blame++; break;
            case CueGroup.Accusation: Accusation++; break;
            case CueGroup.Service: Service++; break;
            case CueGroup.Repetition: Repetition++; break;
            case CueGroup.Profanity: Profanity++; break;
            case CueGroup.Negation: Negation++; break;
            default: break;
        }
    }

    /// <summary>Share of words written in capitals; short texts say too little to count.</summary>
    public readonly float CapsRatio => Words >= 3 ? (float)CapsWords / Words : 0f;

    /// <summary>Shouting, swearing and exclamation together, 0..1.</summary>
    public readonly float Intensity =>
        Math.Min(1f, (0.5f * CapsRatio) + (0.25f * Math.Min(Profanity, 2)) + (0.08f * Math.Min(Exclamations, 5)));
}
