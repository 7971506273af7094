namespace SocialWatch.Benchmarks;

/// <summary>A benchmark that prints its figures to standard output.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args);
}
