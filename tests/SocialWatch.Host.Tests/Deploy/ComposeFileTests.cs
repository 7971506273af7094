using SocialWatch.Host.Cli;

namespace SocialWatch.Host.Tests.Deploy;

/// <summary>deploy/docker-compose.yml against the Dockerfile and the app: image, verbs, port, settings, volumes, health.</summary>
[TestClass]
public sealed class ComposeFileTests
{
    private static readonly DockerfileSpec s_image = DeployFiles.Dockerfile();
    private static readonly Dictionary<object, object> s_services = DeployFiles.ReadYaml(Path.Combine(DeployFiles.Deploy, "docker-compose.yml")).Single().Map("services");

    private static IEnumerable<(string Name, Dictionary<object, object> Service)> AppServices =>
        s_services.Select(s => (Name: s.Key.ToString()!, Service: (Dictionary<object, object>)s.Value))
            .Where(s => s.Service.Text("image") == "socialwatch:latest");

    [TestMethod]
    public void Image_IsBuiltFromTheDockerfile_AndEveryServiceRunsAVerbOfTheHost()
    {
        var build = AppServices.Select(s => s.Service.MapOrNull("build")).OfType<Dictionary<object, object>>().Single();

        var dockerfile = Path.GetFullPath(Path.Combine(DeployFiles.Deploy, build.Text("context")!, build.Text("dockerfile")!));

        Assert.AreEqual(Path.Combine(DeployFiles.Deploy, "Dockerfile"), dockerfile);
        Assert.HasCount(3, AppServices.ToList());
        foreach (var (name, service) in AppServices)
        {
            var verb = service.List("command").FirstOrDefault()?.ToString() ?? s_image.Command[0];
            Assert.Contains(verb, VerbGuard.Verbs, $"{name} runs '{verb}'.");
        }

        Assert.AreEqual("migrate", s_services.Map("migrate").List("command").Single());
    }

    [TestMethod]
    public void Web_PublishesTheImagePort()
    {
        var ports = s_services.Map("web").List("ports").Select(p => p.ToString()!).ToList();

        Assert.AreEqual(s_image.ListenPort, int.Parse(ports.Single().Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(s_image.ListenPort, s_image.ExposedPorts);
    }

    [TestMethod]
    public void EnvironmentNames_AllBindToSettingsTheAppReads()
    {
        var names = AppServices.SelectMany(s => s.Service.Map("environment").Keys.Select(k => k.ToString()!)).Distinct().ToList();

        var problems = names.Select(SettingKeys.Problem).OfType<string>().ToList();

        Assert.IsEmpty(problems, string.Join("\n", problems));
        Assert.Contains("ConnectionStrings__SocialWatch", names);
    }

    [TestMethod]
    public void Roles_WebAndWorkersAreSplit_AndOnlyTheMigrateServiceMigrates()
    {
        var web = s_services.Map("web").Map("environment");
        var worker = s_services.Map("worker").Map("environment");

        Assert.AreEqual(("true", "false", "false"), (web.Text("Host__Web"), web.Text("Host__Worker"), web.Text("Host__MigrateOnStart")));
        Assert.AreEqual(("false", "true", "false"), (worker.Text("Host__Web"), worker.Text("Host__Worker"), worker.Text("Host__MigrateOnStart")));
        foreach (var host in new[] { "web", "worker" })
        {
            Assert.AreEqual("service_completed_successfully", s_services.Map(host).Map("depends_on").Map("migrate").Text("condition"));
        }
    }

    [TestMethod]
    public void Volumes_SitUnderTheImageVolume_AndNoTwoHostsShareAModelCache()
    {
        var volume = s_image.Volumes.Single();
        var cache = s_image.Environment["Scoring__ModelCacheDirectory"];
        var training = s_image.Environment["Scoring__TrainingDataDirectory"];
        Assert.StartsWith(volume + "/", cache, "the model cache must be on the image's volume, not in the read-only app folder");

        foreach (var (name, service) in AppServices)
        {
            var mounts = service.List("volumes").Select(v => Mount(v.ToString()!)).ToList();
            foreach (var mount in mounts)
            {
                Assert.StartsWith(volume + "/", mount[1], $"{name} mounts {mount[1]}, outside the image's volume {volume}.");

                // Versions live in the database; each host unpacks the promoted one into its own cache, so a volume
                // shared by the hosts there would have them unpacking into the same folder at once.
                Assert.IsFalse(cache.StartsWith(mount[1], StringComparison.Ordinal) || mount[1].StartsWith(cache, StringComparison.Ordinal),
                    $"{name} mounts {mount[0]} over its model cache {cache}.");
            }
        }

        Assert.IsTrue(s_services.Map("worker").List("volumes").Any(v => Mount(v.ToString()!)[1] == training), "Workers retrain but mount no training data.");
    }

    [TestMethod]
    public void HealthChecks_AppServicesUseTheImagesOwn_AndTheDatabaseHasOneToWaitFor()
    {
        foreach (var (name, service) in AppServices)
        {
            var own = service.MapOrNull("healthcheck");
            Assert.IsTrue(own is null || string.Join(' ', own.List("test")).Contains($"/{s_image.ListenPort}", StringComparison.Ordinal), $"{name} overrides the image's health check with one that probes another port.");
        }

        Assert.IsNotEmpty(s_image.HealthCheck);
        Assert.IsNotEmpty(s_services.Map("sqlserver").Map("healthcheck").List("test"));
        Assert.AreEqual("service_healthy", s_services.Map("migrate").Map("depends_on").Map("sqlserver").Text("condition"));
    }

    /// <summary>Short volume syntax <c>source:target[:ro]</c>, where the source may be <c>${VAR:-default}</c> with colons of its own.</summary>
    private static string[] Mount(string spec)
    {
        var parts = spec.Split(':').ToList();
        if (parts[^1] is "ro" or "rw")
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return [string.Join(':', parts[..^1]), parts[^1]];
    }
}
