namespace SocialWatch.Host.Tests.Deploy;

[TestClass]
public sealed class DockerfileSpecTests
{
    [TestMethod]
    public void Parse_ReadsTheLastStage_WithQuotedEnvValuesAcrossContinuedLines()
    {
        const string text = """
            FROM sdk AS build
            ENV BUILD_ONLY=1
            WORKDIR /src
            # a comment \
            FROM runtime
            WORKDIR /app
            ENV ASPNETCORE_URLS=http://+:9000 \
                B="Data Source=/data/x.db" C=plain
            EXPOSE 9000/tcp
            VOLUME ["/data"]
            USER app
            HEALTHCHECK --interval=5s CMD ["bash", "-c", "echo 'a\\r\\n'"]
            ENTRYPOINT ["dotnet", "Host.dll"]
            CMD ["serve"]
            """;

        var spec = DockerfileSpec.Parse(text);

        Assert.IsFalse(spec.Environment.ContainsKey("BUILD_ONLY"), "A build stage's ENV leaked into the runtime stage.");
        Assert.AreEqual("Data Source=/data/x.db", spec.Environment["B"]);
        Assert.AreEqual("plain", spec.Environment["C"]);
        Assert.AreEqual(9000, spec.ListenPort);
        Assert.AreEqual(9000, spec.ExposedPorts.Single());
        Assert.AreEqual("/data", spec.Volumes.Single());
        Assert.AreEqual(("app", "/app"), (spec.User, spec.WorkingDirectory));
        Assert.AreEqual("dotnet Host.dll serve", string.Join(' ', spec.Entrypoint.Concat(spec.Command)));
        Assert.AreEqual("echo 'a\\r\\n'", spec.HealthCheck[2]);
    }

    [TestMethod]
    public void Parse_RefusesAnInstructionTheContractTestWouldIgnore()
    {
        Assert.ThrowsExactly<FormatException>(() => DockerfileSpec.Parse("FROM x\nSHELL [\"sh\"]\n"));
        Assert.ThrowsExactly<FormatException>(() => DockerfileSpec.Parse("FROM x\nENV KEY value\n"));
    }

    [TestMethod]
    public void Environment_MapsTheWorkdirAndVolumePaths_OnlyAtPathBoundaries()
    {
        var spec = DockerfileSpec.Parse("FROM x\nWORKDIR /app\nENV D=\"Data Source=/data/a.db\" S=/app/models/current O=/application/x Q=/data\nVOLUME /data\n");

        var env = ImageRun.Environment(spec, "/tmp/t/app", "/tmp/t/vol");

        Assert.AreEqual("Data Source=/tmp/t/vol/a.db", env["D"]);
        Assert.AreEqual("/tmp/t/app/models/current", env["S"]);
        Assert.AreEqual("/application/x", env["O"]);
        Assert.AreEqual("/tmp/t/vol", env["Q"]);
    }
}
