using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace SocialWatch.Host.Composition;

/// <summary>
/// Seals each data-protection key with AES-256-GCM under <see cref="DataProtectionKeyOptions.Key"/> before it goes to
/// the database. The element names the sealing key by a fingerprint, so a host configured with another key says so
/// instead of failing on a bad tag.
/// </summary>
internal sealed class ConfiguredKeyXmlEncryptor(byte[] key) : IXmlEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var fingerprint = Fingerprint(key);
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.ASCII.GetBytes(fingerprint));
        }

        var element = new XElement(
            "sealedKey",
            new XAttribute("key", fingerprint),
            new XComment(" Sealed with DataProtection:Key (AES-256-GCM). "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(ConfiguredKeyXmlDecryptor));
    }

    /// <summary>Names a key without revealing it: the first 8 bytes of its SHA-256, in hex.</summary>
    public static string Fingerprint(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));

    internal static XElement Open(XElement encryptedElement, byte[] key)
    {
        var fingerprint = Fingerprint(key);
        var sealedBy = (string?)encryptedElement.Attribute("key");
        if (sealedBy != fingerprint)
        {
            throw new CryptographicException(
                $"The data-protection key ring was sealed with DataProtection:Key {sealedBy}, but this host has {fingerprint}: give every host the same key.");
        }

        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A sealed data-protection key is truncated.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plaintext, Encoding.ASCII.GetBytes(fingerprint));
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}

/// <summary>
/// Opens what <see cref="ConfiguredKeyXmlEncryptor"/> sealed. The key manager creates it by type name with the
/// application's services, so it reads the key from the options.
/// </summary>
public sealed class ConfiguredKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<IOptions<DataProtectionKeyOptions>>().Value.KeyBytes()
            ?? throw new CryptographicException("The data-protection key ring is sealed with DataProtection:Key, and this host has no DataProtection:Key.");
        return ConfiguredKeyXmlEncryptor.Open(encryptedElement, key);
    }
}
