using System.Runtime.CompilerServices;

namespace SocialWatch.Scoring.Features;

/// <summary>Hashes for tokens, n-grams and phrases. Stable across runs and machines: saved models depend on them.</summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public const ulong UnigramSalt = 0x51_7C_C1_B7_27_22_0A_95UL;
    public const ulong BigramSalt = 0x2545_F491_4F6C_DD1DUL;
    public const ulong CharGramSalt = 0x9E37_79B9_7F4A_7C15UL;
    public const ulong NegatedSalt = 0xC2B2_AE3D_27D4_EB4FUL;
    public const ulong ContrastSalt = 0x1656_67B1_9E37_79F9UL;

    public static ulong Token(ReadOnlySpan<char> lowered)
    {
        var h = FnvOffset;
        foreach (var c in lowered)
        {
            h = (h ^ c) * FnvPrime;
        }

        return h;
    }

    public static string NormaliseWord(string word) => word.ToLowerInvariant().Replace('\u2019', '\'').Replace('`', '\'');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong PhraseStart(ulong tokenHash) => tokenHash;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong PhraseNext(ulong phraseHash, ulong tokenHash) => Mix(phraseHash + 0x632BE59BD9B4E019UL) ^ tokenHash;

    /// <summary>Index in a hash space of 2^<paramref name="bits"/> slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Slot(ulong hash, ulong salt, int bits) => (int)(Mix(hash ^ salt) >> (64 - bits));
}
