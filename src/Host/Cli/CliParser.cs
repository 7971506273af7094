using System.CommandLine;

namespace SocialWatch.Host.Cli;

/// <summary>How every verb's command line is read.</summary>
internal static class CliParser
{
    /// <summary>
    /// Response files (<c>@file</c>) are off: a handle is written with a leading '@' (<c>erase --author @jane</c>), and
    /// reading it as the name of a file of arguments would fail, or worse, read one.
    /// </summary>
    public static ParserConfiguration Configuration() => new() { ResponseFileTokenReplacer = null };
}
