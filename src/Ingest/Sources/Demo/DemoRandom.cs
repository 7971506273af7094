namespace SocialWatch.Ingest.Sources.Demo;

/// <summary>
/// A small deterministic generator (SplitMix64) keyed by the seed, a stream name and an index, so that every host and
/// every re-run derives the same post from the same cursor without keeping any state.
/// </summary>
internal struct DemoRandom
{
    private ulong _state;

    private DemoRandom(ulong state) => _state = state;

    public static DemoRandom For(int seed, ulong stream, long index, long sub = 0)
    {
        var state = Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ stream);
        state = Mix(state ^ (ulong)index);
        state = Mix(state ^ ((ulong)sub * 0xD1B54A32D192ED03UL));
        return new DemoRandom(state);
    }

    /// <summary>A stable stream id from a short name, so each kind of draw has its own sequence.</summary>
    public static ulong Stream(string name)
    {
        // FNV-1a: string.GetHashCode is randomised per process and would differ between hosts.
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double Between(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => (int)(NextULong() % (ulong)max);

    /// <summary>Uniform in [min, max] (both included).</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal draw (Box-Muller).</summary>
    public double Normal()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
