using System.Text.RegularExpressions;
using SocialWatch.Host.Cli;

namespace SocialWatch.Host.Tests.Deploy;

/// <summary>
/// deploy/k8s against the app it deploys: the image's port, the host's health paths, its verbs, its role settings
/// and the settings keys its options classes bind. A manifest cannot be applied here (no cluster), so it is read.
/// </summary>
[TestClass]
public sealed partial class KubernetesManifestTests
{
    private static readonly KubernetesManifests s_k8s = KubernetesManifests.Load();
    private static readonly DockerfileSpec s_image = DeployFiles.Dockerfile();

    [TestMethod]
    public void Containers_RunVerbsTheHostKnows()
    {
        var verbs = s_k8s.PodTemplates().SelectMany(t => KubernetesManifests.Containers(t.Pod).Select(c => (t.Owner, Verb: c.List("args").FirstOrDefault()?.ToString() ?? s_image.Command[0]))).ToList();

        Assert.IsNotEmpty(verbs);
        foreach (var (owner, verb) in verbs)
        {
            Assert.Contains(verb, VerbGuard.Verbs, $"{owner} runs '{verb}', which is no verb of the host.");
        }

        Assert.AreEqual("migrate", verbs.Single(v => v.Owner == "socialwatch-migrate").Verb);
        Assert.AreEqual("Never", s_k8s.Get("Job", "socialwatch-migrate").Map("spec").Map("template").Map("spec").Text("restartPolicy"));
    }

    [TestMethod]
    public void Deployments_ListenOnTheImagePort_AndProbeLivenessAndReadiness()
    {
        foreach (var deployment in s_k8s.OfKind("Deployment"))
        {
            var name = deployment.Map("metadata").Text("name");
            var container = KubernetesManifests.Containers(deployment.Map("spec").Map("template")).Single();
            var ports = container.List("ports").ToDictionary(p => p.Text("name") ?? "", p => int.Parse(p.Text("containerPort")!, System.Globalization.CultureInfo.InvariantCulture));

            Assert.AreEqual(s_image.ListenPort, ports.Values.Single(), $"{name}: containerPort is not the image's port.");
            foreach (var (probe, path) in new[] { ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready"), ("startupProbe", "/health/live") })
            {
                var get = container.Map(probe).Map("httpGet");
                Assert.AreEqual(path, get.Text("path"), $"{name}: {probe}");
                Assert.AreEqual(s_image.ListenPort, ResolvePort(get.Text("port")!, ports), $"{name}: {probe} probes another port.");
            }
        }
    }

    [TestMethod]
    public void Service_SendsTrafficToTheWebHostsOnly_OnTheirHttpPort()
    {
        var service = s_k8s.Get("Service", "socialwatch-web").Map("spec");
        var selector = service.Map("selector");

        var selected = s_k8s.OfKind("Deployment").Where(d => Matches(selector, KubernetesManifests.Labels(d.Map("spec").Map("template")))).ToList();

        Assert.HasCount(1, selected);
        Assert.AreEqual("socialwatch-web", selected[0].Map("metadata").Text("name"));
        var container = KubernetesManifests.Containers(selected[0].Map("spec").Map("template")).Single();
        var ports = container.List("ports").ToDictionary(p => p.Text("name") ?? "", p => int.Parse(p.Text("containerPort")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(s_image.ListenPort, ResolvePort(service.List("ports").Single().Text("targetPort")!, ports));
    }

    [TestMethod]
    public void Roles_WebServesWithoutJobs_WorkerRunsJobsWithoutTheUi()
    {
        var web = Container("socialwatch-web");
        var worker = Container("socialwatch-worker");

        Assert.AreEqual((true, false), (Flag(web, "Host__Web"), Flag(web, "Host__Worker")));
        Assert.AreEqual((false, true), (Flag(worker, "Host__Web"), Flag(worker, "Host__Worker")));
        foreach (var container in new[] { web, worker })
        {
            Assert.IsFalse(Flag(container, "Host__MigrateOnStart"), "Hosts must leave migrations to the Job.");
        }
    }

    [TestMethod]
    public void EnvironmentNames_AllBindToSettingsTheAppReads()
    {
        var names = s_k8s.PodTemplates().SelectMany(t => KubernetesManifests.Containers(t.Pod)).SelectMany(s_k8s.EnvironmentNames).Distinct().ToList();

        var problems = names.Select(SettingKeys.Problem).OfType<string>().ToList();

        Assert.IsEmpty(problems, string.Join("\n", problems));
        Assert.Contains("Storage__Provider", names);
    }

    [TestMethod]
    public void SettingKeys_RefusesAMisspeltOrUnknownKey()
    {
        Assert.IsNull(SettingKeys.Problem("Sources__Reddit__ClientSecret"));
        Assert.IsNull(SettingKeys.Problem("ForwardedHeaders__KnownNetworks__0"));
        Assert.IsNotNull(SettingKeys.Problem("Storage__Provder"));
        Assert.IsNotNull(SettingKeys.Problem("Scoring__ModelDir"));
        Assert.IsNotNull(SettingKeys.Problem("Hosting__Web"));
        Assert.IsNotNull(SettingKeys.Problem("Sources__Reddit"), "A section is not a value.");
    }

    [TestMethod]
    public void Secrets_ComeFromOneSecret_AndTheConfigMapHoldsNone()
    {
        var refs = s_k8s.PodTemplates().SelectMany(t => KubernetesManifests.Containers(t.Pod))
            .SelectMany(c => c.List("env"))
            .Select(e => (Name: e.Text("name")!, Ref: e.MapOrNull("valueFrom")?.MapOrNull("secretKeyRef")))
            .Where(e => e.Ref is not null)
            .ToList();
        var configKeys = s_k8s.OfKind("ConfigMap").SelectMany(m => m.Map("data").Keys.Select(k => k.ToString()!)).ToList();

        Assert.AreEqual("socialwatch-secrets", refs.Select(r => r.Ref!.Text("name")).Distinct().Single());
        foreach (var sensitive in new[] { "ConnectionStrings__SocialWatch", "DataProtection__Key" })
        {
            Assert.IsTrue(refs.Any(r => r.Name == sensitive), $"{sensitive} is not read from the Secret.");
        }

        foreach (var name in refs.Select(r => r.Name).Distinct())
        {
            Assert.AreEqual(1, refs.Where(r => r.Name == name).Select(r => r.Ref!.Text("key")).Distinct().Count(), $"{name} comes from different keys.");
        }

        // The Secret is created by hand from deploy/OPERATIONS.md: its command must give every key the pods read.
        var documented = OperationsSecretKey().Matches(File.ReadAllText(Path.Combine(DeployFiles.Deploy, "OPERATIONS.md"))).Select(m => m.Groups[1].Value).ToHashSet();
        var read = refs.Select(r => r.Ref!.Text("key")!).ToHashSet();
        Assert.IsTrue(read.SetEquals(documented), $"Pods read {string.Join(", ", read.Order())}; OPERATIONS.md creates {string.Join(", ", documented.Order())}.");

        var leaked = configKeys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.Ordinal) || k.EndsWith("Key", StringComparison.Ordinal) || k.Contains("Secret", StringComparison.Ordinal) || k.Contains("Token", StringComparison.Ordinal) || k.Contains("Password", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(leaked, $"Secrets in the ConfigMap: {string.Join(", ", leaked)}");
    }

    [TestMethod]
    public void Pods_RunAsTheImageUser_WithResources_AndTheModelsOnAMountedVolume()
    {
        var volume = s_image.Volumes.Single();
        foreach (var (owner, pod) in s_k8s.PodTemplates())
        {
            var security = pod.Map("spec").Map("securityContext");
            Assert.AreEqual("true", security.Text("runAsNonRoot"), owner);
            Assert.AreEqual(ImageRun.AppUid.ToString(System.Globalization.CultureInfo.InvariantCulture), security.Text("runAsUser"), owner);
            foreach (var container in KubernetesManifests.Containers(pod))
            {
                var resources = container.Map("resources");
                Assert.IsNotNull(resources.Map("requests").Text("memory"), owner);
                Assert.IsNotNull(resources.Map("requests").Text("cpu"), owner);
                Assert.IsNotNull(resources.Map("limits").Text("memory"), owner);
            }
        }

        foreach (var deployment in s_k8s.OfKind("Deployment"))
        {
            var template = deployment.Map("spec").Map("template");
            var container = KubernetesManifests.Containers(template).Single();
            var cache = s_k8s.EnvironmentValue(container, "Scoring__ModelCacheDirectory") ?? s_image.Environment["Scoring__ModelCacheDirectory"];
            var name = deployment.Map("metadata").Text("name");
            var mount = container.List("volumeMounts").SingleOrDefault(m => cache == m.Text("mountPath") || cache.StartsWith(m.Text("mountPath") + "/", StringComparison.Ordinal))
                ?? throw new AssertFailedException($"{name}: its model cache {cache} is on no volume, and the root filesystem is read-only.");
            var podVolume = template.Map("spec").List("volumes").Single(v => v.Text("name") == mount.Text("name"));

            // Versions live in the database: each pod unpacks the promoted one into a cache of its own.
            Assert.StartsWith(volume + "/", cache);
            Assert.IsNotNull(podVolume.MapOrNull("emptyDir"), $"{name}: the model cache must be the pod's own (emptyDir), not a claim shared with other pods.");
        }

        var worker = Container("socialwatch-worker");
        var training = s_k8s.EnvironmentValue(worker, "Scoring__TrainingDataDirectory")!;
        Assert.IsTrue(worker.List("volumeMounts").Any(m => m.Text("mountPath") == training), "The workers retrain but have no training data mounted.");
    }

    [TestMethod]
    public void DisruptionBudgets_EachCoverOneDeployment()
    {
        var budgets = s_k8s.OfKind("PodDisruptionBudget").ToList();

        var covered = budgets.Select(b => s_k8s.OfKind("Deployment").Single(d => Matches(b.Map("spec").Map("selector").Map("matchLabels"), KubernetesManifests.Labels(d.Map("spec").Map("template")))).Map("metadata").Text("name")).ToList();

        CollectionAssert.AreEquivalent(s_k8s.OfKind("Deployment").Select(d => d.Map("metadata").Text("name")).ToList(), covered);
    }

    [TestMethod]
    public void Kustomization_ListsEveryManifestButTheMigrationJob()
    {
        var kustomization = DeployFiles.ReadYaml(Path.Combine(KubernetesManifests.Folder, "kustomization.yaml")).Single();

        var listed = kustomization.List("resources").Select(r => r.ToString()!).ToList();

        var files = Directory.GetFiles(KubernetesManifests.Folder, "*.yaml").Select(Path.GetFileName).Where(f => f is not ("kustomization.yaml" or "migrate-job.yaml")).ToList();
        CollectionAssert.AreEquivalent(files, listed);
    }

    private static Dictionary<object, object> Container(string deployment) =>
        KubernetesManifests.Containers(s_k8s.Get("Deployment", deployment).Map("spec").Map("template")).Single();

    private static bool Flag(Dictionary<object, object> container, string name) =>
        bool.Parse(s_k8s.EnvironmentValue(container, name) ?? throw new AssertFailedException($"{name} is not set."));

    private static int ResolvePort(string port, IReadOnlyDictionary<string, int> named) =>
        int.TryParse(port, out var number) ? number : named.TryGetValue(port, out var found) ? found : throw new AssertFailedException($"No container port named '{port}'.");

    private static bool Matches(Dictionary<object, object> selector, Dictionary<object, object> labels) =>
        selector.All(s => labels.TryGetValue(s.Key, out var value) && Equals(value, s.Value));

    [GeneratedRegex("--from-literal=([a-z0-9-]+)=")]
    private static partial Regex OperationsSecretKey();
}
