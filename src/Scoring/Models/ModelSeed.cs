namespace SocialWatch.Scoring.Models;

/// <summary>
/// Puts a first model into an empty model directory by copying a seed (the model shipped with the host). A
/// container keeps its app folder read-only and its models on the data volume, where retraining can write its
/// candidates and versions beside <c>current</c>; the volume starts empty, so the shipped model seeds it once.
/// </summary>
internal static class ModelSeed
{
    /// <summary>True when <paramref name="seedDirectory"/> was copied; false when the target already had a model or there is no seed.</summary>
    public static bool CopyIfMissing(string modelDirectory, string seedDirectory)
    {
        if (File.Exists(Path.Combine(modelDirectory, ModelFiles.Manifest)) || !File.Exists(Path.Combine(seedDirectory, ModelFiles.Manifest)))
        {
            return false;
        }

        // Copied to a sibling and renamed into place, so a host that starts at the same time on a shared volume never
        // loads a half-copied model; whichever rename lands first wins and the other host uses that copy.
        var parent = Path.GetDirectoryName(modelDirectory) ?? throw new ArgumentException("Model directory has no parent.", nameof(modelDirectory));
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, ".seed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        foreach (var file in Directory.EnumerateFiles(seedDirectory))
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        }

        try
        {
            if (Directory.Exists(modelDirectory) && !Directory.EnumerateFileSystemEntries(modelDirectory).Any())
            {
                Directory.Delete(modelDirectory);
            }

            Directory.Move(staging, modelDirectory);
            return true;
        }
        catch (IOException) when (File.Exists(Path.Combine(modelDirectory, ModelFiles.Manifest)))
        {
            Directory.Delete(staging, recursive: true);
            return false;
        }
    }
}
