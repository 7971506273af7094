using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using WebClient = SocialWatch.Host.Tests.Web.WebClient;

namespace SocialWatch.Host.Tests.Deploy;

/// <summary>
/// What the image promises, checked without a Docker engine: the host published as the Dockerfile publishes it,
/// started as its ENTRYPOINT and CMD with its environment, as its non-root USER, from a read-only WORKDIR with a
/// separate writable folder for its VOLUME, on its EXPOSEd port. The image's own HEALTHCHECK runs against it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed partial class ContainerContractTests
{
    private const string DemoPassword = "container-demo-pw-1";

    private static readonly string[] s_probes = ["livenessProbe", "readinessProbe", "startupProbe"];
    private static readonly string[] s_pages = ["/", "/triage", "/dashboard", "/api/alerts", "/api/mentions", "/metrics"];

    private static DockerfileSpec s_image = null!;
    private static string s_root = null!;
    private static string s_app = null!;
    private static string s_volume = null!;
    private static ImageRun s_host = null!;
    private static Uri s_base = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_image = DeployFiles.Dockerfile();
        var port = s_image.ListenPort;
        Assert.Contains(port, s_image.ExposedPorts, $"ASPNETCORE_URLS listens on {port}, which the Dockerfile does not EXPOSE.");
        EnsurePortFree(port);

        s_root = Path.Combine(Path.GetTempPath(), "sw-image-" + Guid.NewGuid().ToString("N"));
        s_app = Path.Combine(s_root, "app");
        s_volume = Path.Combine(s_root, "volume");
        var home = Path.Combine(s_root, "home");
        Directory.CreateDirectory(s_volume);
        Directory.CreateDirectory(home);
        ImageRun.Run("chmod", "755", s_root);
        await PublishAsync(s_app, context.CancellationToken);

        // As the image: the program is readable but not writable by its user, the volume and the home folder are the user's.
        ImageRun.Run("chmod", "-R", "a+rX,a-w", s_app);
        TinyTrainingData.Write(Path.Combine(s_volume, "training"));
        ImageRun.GiveToApp(s_volume);
        ImageRun.GiveToApp(home);

        s_host = ImageRun.Start(s_image, s_image.Command, s_app, s_volume, home, new Dictionary<string, string>
        {
            // What an operator passes with `docker run -e`: the demo password, and a retrain that judges on few labels.
            ["Web__DemoUsers__Password"] = DemoPassword,
            ["Scoring__MinHeldOutLabels"] = "1",
            ["Scoring__HeldOutEvery"] = "2",
        });
        s_base = new Uri($"http://127.0.0.1:{port}");
        await WaitForLiveAsync(s_host, s_base, TimeSpan.FromSeconds(120));
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (s_host is not null)
        {
            await s_host.DisposeAsync();
        }

        if (s_root is not null && Directory.Exists(s_root))
        {
            ImageRun.Run("chmod", "-R", "u+w", s_root);
            Directory.Delete(s_root, recursive: true);
        }
    }

    [TestMethod]
    public async Task Health_AnswersOnTheImagePort_ListeningOnEveryInterface()
    {
        using var http = new HttpClient { BaseAddress = s_base };

        foreach (var path in new[] { "/health", "/health/live", "/health/ready" })
        {
            using var response = await http.GetAsync(path, TestContext.CancellationToken);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{path}: {await response.Content.ReadAsStringAsync(TestContext.CancellationToken)}\n{s_host.Output}");
        }

        // http://+: binds the wildcard address, so a container port mapping reaches it; a loopback-only bind would not.
        Assert.IsTrue(ListensOnWildcard(s_image.ListenPort), $"Nothing listens on 0.0.0.0 or [::] port {s_image.ListenPort}.");
        if (OwnAddress() is { } external)
        {
            using var outside = new HttpClient { BaseAddress = new Uri($"http://{external}:{s_image.ListenPort}") };
            using var fromOutside = await outside.GetAsync("/health/live", TestContext.CancellationToken);
            Assert.AreEqual(HttpStatusCode.OK, fromOutside.StatusCode);
        }
    }

    [TestMethod]
    public async Task KubernetesProbes_AnswerOnTheHostStartedAsTheImage()
    {
        using var http = new HttpClient { BaseAddress = s_base };
        var paths = KubernetesManifests.Load().OfKind("Deployment")
            .SelectMany(d => KubernetesManifests.Containers(d.Map("spec").Map("template")))
            .SelectMany(c => s_probes.Select(probe => c.Map(probe).Map("httpGet").Text("path")!))
            .Distinct()
            .ToList();

        Assert.HasCount(2, paths);
        foreach (var path in paths)
        {
            using var response = await http.GetAsync(path, TestContext.CancellationToken);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
        }
    }

    [TestMethod]
    public async Task Memory_OfTheHostDrivenThroughItsPages_StaysWithinTheWebPodsLimit()
    {
        var web = KubernetesManifests.Containers(KubernetesManifests.Load().Get("Deployment", "socialwatch-web").Map("spec").Map("template")).Single();
        var limit = Bytes(web.Map("resources").Map("limits").Text("memory")!);
        using var manager = new WebClient(s_base);
        await manager.SignInAsync("manager", DemoPassword);

        for (var round = 0; round < 10; round++)
        {
            foreach (var path in s_pages)
            {
                using var response = await manager.Http.GetAsync(path, TestContext.CancellationToken);
                Assert.IsLessThan(500, (int)response.StatusCode, path);
            }
        }

        // This host also runs the jobs and the demo source, so it holds more than a web-only pod would.
        var peak = s_host.PeakResidentBytes();
        TestContext.WriteLine($"peak RSS {peak / (1024 * 1024)} MiB; web pod limit {limit / (1024 * 1024)} MiB");
        Assert.IsLessThan(limit, peak, $"The host peaked at {peak / (1024 * 1024)} MiB, over the web pods' limit.");
    }

    [TestMethod]
    public async Task HealthCheck_OfTheImage_PassesAgainstTheHost_AndFailsWhereNothingListens()
    {
        Assert.IsNotEmpty(s_image.HealthCheck, "The Dockerfile has no HEALTHCHECK.");
        var script = string.Join(' ', s_image.HealthCheck);
        Assert.Contains($"/{s_image.ListenPort}", script, "The HEALTHCHECK does not probe the port the host listens on.");

        var passes = await RunAsync(s_image.HealthCheck);
        var closedPort = HostProcess.FreePort();
        var fails = await RunAsync([.. s_image.HealthCheck.Select(a => a.Replace($"/{s_image.ListenPort}", $"/{closedPort}", StringComparison.Ordinal))]);

        Assert.AreEqual(0, passes.ExitCode, passes.Output);
        Assert.AreNotEqual(0, fails.ExitCode, "The health check passed against a port nothing listens on.");
    }

    [TestMethod]
    public async Task Serve_MigratedTheDatabase_IntoTheVolume_AndWroteNothingElsewhere()
    {
        using var http = new HttpClient { BaseAddress = s_base };

        using var health = JsonDocument.Parse(await http.GetStringAsync("/health", TestContext.CancellationToken));

        var database = DataSourceOf(ImageRun.Environment(s_image, s_app, s_volume)["ConnectionStrings__SocialWatch"]);
        Assert.StartsWith(s_volume + Path.DirectorySeparatorChar, database, "The image's database is not on its volume.");
        Assert.IsTrue(File.Exists(database), $"No database at {database}.\n{s_host.Output}");
        Assert.IsTrue(File.Exists(database + ".stamp"), "No stamp file beside the database.");
        Assert.AreEqual("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.IsFalse(Directory.Exists(Path.Combine(s_app, "data")), "The host made a data folder inside the app folder.");
        if (ImageRun.RunningAsRoot)
        {
            Assert.AreEqual(ImageRun.AppUid, s_host.Uid(), "The host does not run as the image's user.");
        }
    }

    [TestMethod]
    public async Task SignIn_WithTheDemoPassword_OpensTheAdminPages()
    {
        using var admin = new WebClient(s_base);

        await admin.SignInAsync("admin", DemoPassword);
        using var page = await admin.Http.GetAsync("/admin", TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [TestMethod]
    public async Task Retrain_TriggeredFromTheDashboard_TrainsFromTheVolumeAndWritesTheModelThere()
    {
        using var agent = new WebClient(s_base);
        await agent.SignInAsync("agent", DemoPassword);
        var token = await agent.GetFormTokenAsync("/triage");
        for (var i = 0; i < 12; i++)
        {
            var complaint = i % 3 != 2;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback")
            {
                Content = JsonContent(complaint
                    ? new { text = $"@acmeair bag {i + 7} still missing after the flight", sentiment = "negative", complaint = true }
                    : new { text = $"@acmeair crew {i + 7} were lovely, thanks", sentiment = "positive", complaint = false }),
            };
            request.Headers.Add("RequestVerificationToken", token);
            using var created = await agent.Http.SendAsync(request, TestContext.CancellationToken);
            Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync(TestContext.CancellationToken));
        }

        using var admin = new WebClient(s_base);
        await admin.SignInAsync("admin", DemoPassword);
        var dashboard = await admin.Http.GetStringAsync("/hangfire/recurring", TestContext.CancellationToken);
        var header = HangfireTokenHeader().Match(dashboard);
        var value = HangfireToken().Match(dashboard);
        Assert.IsTrue(header.Success && value.Success, "The Hangfire dashboard page carries no anti-forgery token.");
        using var trigger = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", "scoring:retrain")]),
        };
        trigger.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(value.Groups[1].Value));

        using var triggered = await admin.Http.SendAsync(trigger, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.NoContent, triggered.StatusCode, await triggered.Content.ReadAsStringAsync(TestContext.CancellationToken));
        var models = Path.Combine(s_volume, "models");
        var deadline = Stopwatch.StartNew();
        while (!s_host.Output.Contains("Retrain trained candidate", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            Assert.DoesNotContain("RetrainModelsAsync", FailedJobs(await admin.Http.GetStringAsync("/hangfire/jobs/failed", TestContext.CancellationToken)), s_host.Output);
            await Task.Delay(500, TestContext.CancellationToken);
        }

        Assert.Contains("Retrain trained candidate", s_host.Output, "The retrain did not train a candidate.");

        // The candidate was trained in the volume's model cache and stored in the database beside the shipped model,
        // which the first start stored there.
        var versions = await StoredVersionsAsync();
        Assert.Contains("retrain", versions.Select(v => v.CreatedBy).ToList(), string.Join(", ", versions));
        Assert.IsGreaterThanOrEqualTo(2, versions.Count);
        Assert.IsTrue(Directory.Exists(Path.Combine(models, "candidates")), "The candidate was not trained in the volume.");
        Assert.IsFalse(Directory.Exists(Path.Combine(s_app, "models", "candidates")), "The retrain wrote into the app folder.");
        Assert.IsFalse(Directory.Exists(Path.Combine(s_app, "data")), "The host wrote a data folder into the app folder.");
    }

    private static async Task<List<(string Version, string CreatedBy)>> StoredVersionsAsync()
    {
        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(s_volume, "socialwatch.db"), Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, created_by FROM model_versions ORDER BY created_at";
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            versions.Add((reader.GetString(0), reader.GetString(1)));
        }

        return versions;
    }

    [TestMethod]
    public async Task WorkerRole_OfTheKubernetesWorkerPods_AnswersTheirProbes_AndServesNoPages()
    {
        var k8s = KubernetesManifests.Load();
        var pod = KubernetesManifests.Containers(k8s.Get("Deployment", "socialwatch-worker").Map("spec").Map("template")).Single();
        var volume = Path.Combine(s_root, "worker-volume");
        var home = Path.Combine(s_root, "worker-home");
        Directory.CreateDirectory(volume);
        Directory.CreateDirectory(home);
        ImageRun.GiveToApp(volume);
        ImageRun.GiveToApp(home);
        var port = HostProcess.FreePort();
        var role = new Dictionary<string, string>
        {
            ["Host__Web"] = k8s.EnvironmentValue(pod, "Host__Web")!,
            ["Host__Worker"] = k8s.EnvironmentValue(pod, "Host__Worker")!,

            // Only because the host of this class holds the image's port; the role is what this test is about.
            ["ASPNETCORE_URLS"] = $"http://+:{port}",
        };
        await using var worker = ImageRun.Start(s_image, s_image.Command, s_app, volume, home, role);
        var address = new Uri($"http://127.0.0.1:{port}");
        await WaitForLiveAsync(worker, address, TimeSpan.FromSeconds(120));
        using var http = new HttpClient { BaseAddress = address };

        using var live = await http.GetAsync(pod.Map("livenessProbe").Map("httpGet").Text("path"), TestContext.CancellationToken);
        using var ready = await http.GetAsync(pod.Map("readinessProbe").Map("httpGet").Text("path"), TestContext.CancellationToken);
        using var login = await http.GetAsync("/login", TestContext.CancellationToken);

        Assert.AreEqual((HttpStatusCode.OK, HttpStatusCode.OK), (live.StatusCode, ready.StatusCode), worker.Output);
        // No sign-in page and no redirect to one (there is none to send a browser to on a worker).
        Assert.AreEqual(HttpStatusCode.Unauthorized, login.StatusCode, $"A worker host answered /login with {(int)login.StatusCode} {login.Headers.Location}.");
    }

    [TestMethod]
    public async Task Migrate_AsTheImage_CreatesTheDatabaseInAFreshVolume()
    {
        var volume = Path.Combine(s_root, "migrate-volume");
        var home = Path.Combine(s_root, "migrate-home");
        Directory.CreateDirectory(volume);
        Directory.CreateDirectory(home);
        ImageRun.GiveToApp(volume);
        ImageRun.GiveToApp(home);
        await using var migrate = ImageRun.Start(s_image, ["migrate"], s_app, volume, home, new Dictionary<string, string>());

        var exit = await migrate.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.AreEqual(0, exit, migrate.Output);
        Assert.Contains("applied", migrate.Output);
        Assert.IsTrue(File.Exists(DataSourceOf(ImageRun.Environment(s_image, s_app, volume)["ConnectionStrings__SocialWatch"])));
    }

    private static async Task PublishAsync(string output, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", Path.Combine(DeployFiles.RepositoryRoot, "src", "Host", "SocialWatch.Host.csproj"), "-c", "Release", "-o", output, "--nologo" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.AreEqual(0, process.ExitCode, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }

    /// <summary>A Kubernetes memory quantity in Mi or Gi.</summary>
    private static long Bytes(string quantity) =>
        quantity.EndsWith("Gi", StringComparison.Ordinal) ? long.Parse(quantity[..^2], System.Globalization.CultureInfo.InvariantCulture) << 30
        : quantity.EndsWith("Mi", StringComparison.Ordinal) ? long.Parse(quantity[..^2], System.Globalization.CultureInfo.InvariantCulture) << 20
        : throw new FormatException($"Memory quantity '{quantity}' is not in Mi or Gi.");

    private static void EnsurePortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
        }
        catch (SocketException ex)
        {
            Assert.Fail($"Port {port} (the Dockerfile's ASPNETCORE_URLS and EXPOSE) is taken on this machine ({ex.SocketErrorCode}). " +
                "The contract test runs the host on the image's own port rather than another; stop whatever listens there and run it again.");
        }
    }

    private static async Task WaitForLiveAsync(ImageRun host, Uri address, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (host.HasExited)
            {
                Assert.Fail($"The host exited during start-up:\n{host.Output}");
            }

            try
            {
                using var response = await http.GetAsync("/health/live");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The host did not answer /health/live within {timeout}:\n{host.Output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> argv)
    {
        var info = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var output = await process.StandardOutput.ReadToEndAsync(cts.Token) + await process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, output);
    }

    /// <summary>A listening socket on the port bound to the IPv4 or IPv6 wildcard address, from the kernel's socket tables.</summary>
    private static bool ListensOnWildcard(int port)
    {
        var local = port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        return new[] { ("/proc/net/tcp", "00000000"), ("/proc/net/tcp6", "00000000000000000000000000000000") }
            .Where(t => File.Exists(t.Item1))
            .SelectMany(t => File.ReadLines(t.Item1).Skip(1).Select(l => (Fields: l.Split(' ', StringSplitOptions.RemoveEmptyEntries), Wildcard: t.Item2)))
            .Any(l => l.Fields.Length > 3 && l.Fields[1] == $"{l.Wildcard}:{local}" && l.Fields[3] == "0A");
    }

    private static string? OwnAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?.ToString();

    private static string DataSourceOf(string connectionString) =>
        Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource);

    private static string FailedJobs(string page) => page.Contains("No failed jobs", StringComparison.OrdinalIgnoreCase) ? "" : page;

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex HangfireTokenHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex HangfireToken();
}
