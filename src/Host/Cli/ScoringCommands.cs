using System.CommandLine;
using System.Globalization;
using SocialWatch.Scoring.Batch;
using SocialWatch.Scoring.Evaluation;
using SocialWatch.Scoring.Runtime;
using SocialWatch.Scoring.Training;
using Spectre.Console;

namespace SocialWatch.Host.Cli;

/// <summary>The scoring verbs of the external contract: `train`, `score`, `evaluate`.</summary>
internal static class ScoringCommands
{
    private const int MaxProblemsShown = 200;

    public static IReadOnlyList<Command> Create() => [CreateTrain(), CreateScore(), CreateEvaluate()];

    private static Command CreateScore()
    {
        var input = new Option<FileInfo>("--input") { Description = "Mentions to score: .jsonl (one JSON object a line) or .csv (header with at least id,text).", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Where to write one JSON line per input record, in input order.", Required = true };
        var model = new Option<DirectoryInfo>("--model") { Description = "Model directory (default: models/current)." };
        var command = new Command("score", "Score mentions for sentiment, complaint and escalation.") { input, output, model };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var inputFile = parseResult.GetValue(input)!;
            var outputFile = parseResult.GetValue(output)!;
            var modelDirectory = parseResult.GetValue(model)?.FullName ?? DefaultModelDirectory();
            try
            {
                ScoreFileRunner.CheckPaths(inputFile.FullName, outputFile.FullName);
                var scorer = MentionScorer.Load(modelDirectory);
                var runner = new ScoreFileRunner(scorer);
                var problems = new ProblemSink(Interactive);
                var result = await WithProgressAsync(
                    "scoring " + inputFile.Name,
                    progress => runner.RunAsync(inputFile.FullName, outputFile.FullName, problems.Add, progress, cancellationToken),
                    (FileProgress p) => p.TotalBytes == 0 ? 1 : (double)p.BytesRead / p.TotalBytes);
                problems.Flush();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"scored {result.Scored:N0} of {result.Records:N0} records ({result.Rejected:N0} rejected) in {result.Elapsed.TotalSeconds:0.00} s: {result.MentionsPerSecond:N0} mentions/s, model {scorer.ModelVersion} -> {outputFile.FullName}"));
                return result.Scored > 0 ? 0 : 2;
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or Scoring.Models.ModelNotFoundException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine("score: " + ex.Message);
                return 2;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A full disk, a read-only folder, a file locked by another program: the message names it.
                Console.Error.WriteLine($"score: cannot read '{inputFile.FullName}' or write '{outputFile.FullName}': {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command CreateTrain()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the models, metrics.json and MODEL_CARD.md into.", Required = true };
        var feedback = new Option<FileInfo?>("--feedback") { Description = "In-domain labels, JSONL {\"text\",\"sentiment\",\"complaint\",\"escalate\"}; any label may be absent." };
        var outcomes = new Option<FileInfo?>("--outcomes") { Description = "Escalation outcome labels, JSONL in the `score` line shape (author, metrics, velocity as the scorer saw them) plus \"escalate\": true|false." };
        var baseline = new Option<DirectoryInfo?>("--baseline") { Description = "Model directory whose escalation weights the learned ones must match on the held-out labels (e.g. models/current)." };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Shared training data (default: ../shared/data)." };
        var evaluation = new Option<FileInfo[]>("--eval") { Description = "Extra labelled sets to report separately (never trained on).", AllowMultipleArgumentsPerToken = true };
        var maxRows = new Option<int?>("--max-rows") { Description = "Cap rows per data file (quick runs)." };
        var hashBits = new Option<int?>("--hash-bits") { Description = "Hash space 2^n (default 18)." };
        var l1 = new Option<float?>("--l1") { Description = "L1 regularisation (default 0.25)." };
        var l2 = new Option<float?>("--l2") { Description = "L2 regularisation (default 2)." };
        var command = new Command("train", "Train the sentiment, complaint and escalation models.") { output, feedback, outcomes, baseline, data, evaluation, maxRows, hashBits, l1, l2 };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var dataDirectory = parseResult.GetValue(data)?.FullName ?? DefaultDataDirectory();
            var request = new TrainRequest(parseResult.GetValue(output)!.FullName)
            {
                DataDirectory = dataDirectory,
                FeedbackPath = parseResult.GetValue(feedback)?.FullName,
                OutcomesPath = parseResult.GetValue(outcomes)?.FullName,
                BaselineDirectory = parseResult.GetValue(baseline)?.FullName,
                EvaluationPaths = (parseResult.GetValue(evaluation) ?? []).Select(f => f.FullName).ToList(),
                MaxRowsPerFile = parseResult.GetValue(maxRows),
            };
            request = request with
            {
                HashBits = parseResult.GetValue(hashBits) ?? request.HashBits,
                L1Regularization = parseResult.GetValue(l1) ?? request.L1Regularization,
                L2Regularization = parseResult.GetValue(l2) ?? request.L2Regularization,
            };
            try
            {
                var problems = new ProblemSink(Interactive);
                var trainer = new ModelTrainer(TimeProvider.System);
                var result = await WithProgressAsync(
                    "training",
                    progress => Task.Run(() => trainer.Train(request, new Progress<TrainingProgress>(p => progress.Report(p)), problems.Add, cancellationToken), cancellationToken),
                    (TrainingProgress p) => p.Fraction);
                problems.Flush();
                foreach (var report in result.Reports)
                {
                    Console.Write(report.ToText(includeConfusion: false));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"trained {result.Version} on {result.TrainingRows:N0} rows ({result.FeedbackRows:N0} feedback) in {result.Elapsed.TotalSeconds:0.0} s; escalation weights: {result.EscalationSource} -> {result.OutputDirectory}"));
                if (result.Escalation is { Labels: > 0 } e)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"escalation: {e.Chosen} weights; held-out AUC learned {Auc(e.LearnedAuc)}, defaults {Auc(e.DefaultsAuc)}, current {Auc(e.CurrentAuc)} on {e.HeldOutRows} labels ({e.Reason})"));
                }

                return 0;
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine("train: " + ex.Message);
                return 2;
            }
        });
        return command;
    }

    private static Command CreateEvaluate()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model directory to evaluate.", Required = true };
        var input = new Option<FileInfo>("--input") { Description = "Labelled JSONL: {\"text\",\"sentiment\",\"complaint\",\"escalate\"} plus optional author/metrics.", Required = true };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Shared data directory, for the VADER baseline lexicon (default: ../shared/data)." };
        var command = new Command("evaluate", "Accuracy, macro-F1, AUC and confusion matrix of a model on labelled mentions.") { model, input, data };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var lexicon = Path.Combine(parseResult.GetValue(data)?.FullName ?? DefaultDataDirectory(), "vader", "vader_lexicon.txt");
            try
            {
                var problems = new ProblemSink(deferred: false);
                var reports = EvaluateFileUseCase.Run(parseResult.GetValue(model)!.FullName, parseResult.GetValue(input)!.FullName, lexicon, problems.Add);
                foreach (var report in reports)
                {
                    Console.Write(report.ToText());
                }

                return Task.FromResult(0);
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or Scoring.Models.ModelNotFoundException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine("evaluate: " + ex.Message);
                return Task.FromResult(2);
            }
        });
        return command;
    }

    private static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>../shared/data from the current directory, else from the repository root above it.</summary>
    private static string Auc(double? auc) => auc is { } a && !double.IsNaN(a) ? a.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string DefaultDataDirectory()
    {
        var fromCurrent = Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "shared", "data"));
        if (Directory.Exists(fromCurrent))
        {
            return fromCurrent;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWatch.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        return fromCurrent;
    }

    /// <summary>A Spectre.Console progress bar on a terminal; plain "…: 40%" lines otherwise (logs, CI, pipes).</summary>
    private static async Task<TResult> WithProgressAsync<TProgress, TResult>(
        string label, Func<IProgress<TProgress>, Task<TResult>> run, Func<TProgress, double> fraction)
    {
        if (Interactive)
        {
            return await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(label), maxValue: 1.0);
                    var result = await run(new Progress<TProgress>(p =>
                    {
                        task.Value = Math.Clamp(fraction(p), 0, 1);
                        if (p is TrainingProgress t)
                        {
                            task.Description = Markup.Escape($"{label}: {t.Stage}");
                        }
                    }));
                    task.Value = 1.0;
                    return result;
                });
        }

        var lastDecile = -1;
        return await run(new Progress<TProgress>(p =>
        {
            var decile = (int)(Math.Clamp(fraction(p), 0, 1) * 10);
            if (decile > lastDecile)
            {
                lastDecile = decile;
                var stage = p is TrainingProgress t ? " " + t.Stage : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}:{stage} {decile * 10}%"));
            }
        }));
    }

    /// <summary>Input problems go to stderr: at once when no progress bar is drawn, after it otherwise.</summary>
    private sealed class ProblemSink(bool deferred)
    {
        private readonly List<string> _held = [];
        private readonly Lock _gate = new();
        private long _count;

        public void Add(string problem)
        {
            lock (_gate)
            {
                _count++;
                if (_count > MaxProblemsShown)
                {
                    return;
                }

                if (deferred)
                {
                    _held.Add(problem);
                }
                else
                {
                    Console.Error.WriteLine(problem);
                }
            }
        }

        public void Flush()
        {
            lock (_gate)
            {
                foreach (var p in _held)
                {
                    Console.Error.WriteLine(p);
                }

                _held.Clear();
                if (_count > MaxProblemsShown)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... and {_count - MaxProblemsShown:N0} more problems"));
                }
            }
        }
    }

    /// <summary>models/current under the working directory (a checkout), else the copy shipped beside the host.</summary>
    private static string DefaultModelDirectory()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), "models", "current");
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "models", "current");
    }
}
