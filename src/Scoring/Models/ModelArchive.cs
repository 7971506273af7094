using System.IO.Compression;

namespace SocialWatch.Scoring.Models;

/// <summary>A model version's files as one zip archive: how a version travels through the database to every host.</summary>
internal static class ModelArchive
{
    /// <summary>Zips the files directly in <paramref name="directory"/> (a model version has no sub-folders).</summary>
    public static byte[] Pack(string directory)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.Optimal);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Unpacks into <paramref name="target"/> through a staging folder renamed into place, so a reader never sees a
    /// half-written version. Entries with a path are refused: the archive comes from the database, not from this host.
    /// </summary>
    public static void Unpack(byte[] archive, string target)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(target)) ?? throw new ArgumentException("The target has no parent folder.", nameof(target));
        System.IO.Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, ".staging-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(staging);
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read))
            {
                foreach (var entry in zip.Entries)
                {
                    if (entry.FullName != Path.GetFileName(entry.FullName) || entry.Name.Length == 0 || entry.Name.StartsWith('.'))
                    {
                        throw new InvalidDataException($"The model archive holds '{entry.FullName}', which is not a plain file name.");
                    }

                    entry.ExtractToFile(Path.Combine(staging, entry.Name));
                }
            }

            if (System.IO.Directory.Exists(target))
            {
                System.IO.Directory.Delete(target, recursive: true);
            }

            System.IO.Directory.Move(staging, target);
        }
        finally
        {
            if (System.IO.Directory.Exists(staging))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }
        }
    }
}
