namespace SocialWatch.Host.Web;

internal static partial class WebLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Rejected an API key starting with {Prefix}")]
    public static partial void ApiKeyRejected(ILogger logger, string prefix);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Created demo users {UserNames} with the password from Web:DemoUsers:Password. For a local trial only: set Web:DemoUsers:Enabled=false and create real accounts before anyone else can reach this host.")]
    public static partial void DemoUsersCreated(ILogger logger, string userNames);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Web:DemoUsers:Enabled is set but storage is {Provider}; demo users are only created on the embedded SQLite default unless Web:DemoUsers:AllowOnSharedDatabase is true.")]
    public static partial void DemoUsersRefused(ILogger logger, string provider);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "{UserName} signed in")]
    public static partial void SignedIn(ILogger logger, string userName);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Failed sign-in for {UserName}")]
    public static partial void SignInFailed(ILogger logger, string userName);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "{Actor} {Action} alert {AlertId}")]
    public static partial void AlertAction(ILogger logger, string actor, string action, long alertId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "{Actor} changed {Area} {Subject}: {Action}")]
    public static partial void AdminChange(ILogger logger, string actor, string area, string subject, string action);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Rejected a {Method} to {Path} without a valid anti-forgery token")]
    public static partial void AntiforgeryRejected(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning,
        Message = "Created demo users {UserNames}, all with the password {Password} (generated because Web:DemoUsers:Password is not set; shown only now). For a local trial only: set Web:DemoUsers:Enabled=false and create real accounts before anyone else can reach this host.")]
    public static partial void DemoUsersCreatedWithGeneratedPassword(ILogger logger, string userNames, string password);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "No users exist and demo users are disabled: create an admin with Web:DemoUsers or through the database before signing in.")]
    public static partial void NoUsers(ILogger logger);
}
