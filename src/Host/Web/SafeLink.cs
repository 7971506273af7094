namespace SocialWatch.Host.Web;

/// <summary>Stranger-supplied URLs become links only when they are absolute http(s); anything else (javascript:, data:) is shown as text.</summary>
public static class SafeLink
{
    public static string? Href(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
