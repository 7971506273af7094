namespace SocialWatch.Host.Tests.Deploy;

/// <summary>The objects under deploy/k8s, by kind and name.</summary>
internal sealed class KubernetesManifests
{
    private KubernetesManifests(IReadOnlyList<(string File, Dictionary<object, object> Object)> objects) => Objects = objects;

    public static string Folder => Path.Combine(DeployFiles.Deploy, "k8s");

    public IReadOnlyList<(string File, Dictionary<object, object> Object)> Objects { get; }

    public static KubernetesManifests Load() => new(
        Directory.GetFiles(Folder, "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => DeployFiles.ReadYaml(f).Select(o => (Path.GetFileName(f), o)))
            .ToList());

    public IEnumerable<Dictionary<object, object>> OfKind(string kind) => Objects.Where(o => o.Object.Text("kind") == kind).Select(o => o.Object);

    public Dictionary<object, object> Get(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => o.Map("metadata").Text("name") == name) ?? throw new KeyNotFoundException($"No {kind} {name} in deploy/k8s.");

    /// <summary>Every pod template: the Deployments' and the Job's.</summary>
    public IEnumerable<(string Owner, Dictionary<object, object> Pod)> PodTemplates() =>
        OfKind("Deployment").Concat(OfKind("Job")).Select(o => (o.Map("metadata").Text("name")!, o.Map("spec").Map("template")));

    public static IEnumerable<Dictionary<object, object>> Containers(Dictionary<object, object> template) =>
        template.Map("spec").List("containers").Cast<Dictionary<object, object>>();

    public static Dictionary<object, object> Labels(Dictionary<object, object> template) => template.Map("metadata").Map("labels");

    /// <summary>The names a container's environment holds: its own env entries and the keys of the ConfigMaps it reads.</summary>
    public IEnumerable<string> EnvironmentNames(Dictionary<object, object> container) =>
        container.List("env").Select(e => e.Text("name")!)
            .Concat(container.List("envFrom")
                .Select(e => e.MapOrNull("configMapRef")?.Text("name"))
                .OfType<string>()
                .SelectMany(name => Get("ConfigMap", name).Map("data").Keys.Select(k => k.ToString()!)));

    /// <summary>A container's env value as written (null when it comes from a Secret), looking through its ConfigMaps.</summary>
    public string? EnvironmentValue(Dictionary<object, object> container, string name) =>
        container.List("env").FirstOrDefault(e => e.Text("name") == name) is { } own
            ? own.Text("value")
            : container.List("envFrom").Select(e => e.MapOrNull("configMapRef")?.Text("name")).OfType<string>()
                .Select(map => Get("ConfigMap", map).Map("data").Text(name)).FirstOrDefault(v => v is not null);
}
