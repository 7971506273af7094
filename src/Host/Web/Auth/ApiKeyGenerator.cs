using System.Security.Cryptography;
using System.Text;

namespace SocialWatch.Host.Web.Auth;

/// <summary>
/// Makes API keys and their hashes. A key is "sw_" and 43 base64url characters (256 random bits), so a plain
/// SHA-256 is enough: there is nothing to guess, unlike a password, and lookups stay a single index probe.
/// </summary>
public static class ApiKeyGenerator
{
    private const string KeyPrefix = "sw_";
    private const int RandomBytes = 32;

    public static string NewKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(RandomBytes));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The first characters of a key, kept in clear so admins can tell keys apart.</summary>
    public static string PrefixOf(string key) => key.Length <= 10 ? key : key[..10];

    public static bool LooksValid(string key) =>
        key.Length is > 20 and < 200 && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
