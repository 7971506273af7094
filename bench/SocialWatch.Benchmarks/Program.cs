using System.Reflection;
using SocialWatch.Benchmarks;

// Each benchmark is a class implementing IBenchmark in this project; run one by name:
//   dotnet run -c Release --project bench/SocialWatch.Benchmarks -- <name> [options]
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || benchmarks.All(b => b.Name != args[0]))
{
    Console.Error.WriteLine("usage: bench <name> [options]");
    foreach (var b in benchmarks)
    {
        Console.Error.WriteLine($"  {b.Name,-12} {b.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

var benchmark = benchmarks.Single(b => b.Name == args[0]);
return await benchmark.RunAsync(args[1..]);
