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

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Ended a session of {UserName}: the account is disabled, gone or has new credentials")]
    public static partial void SessionEnded(ILogger logger, string userName);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Session of {UserName} now has the roles {Roles}")]
    public static partial void SessionRolesChanged(ILogger logger, string userName, string roles);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Refused a sign-in for {UserName} from {Address}: {Reason}")]
    public static partial void SignInThrottled(ILogger logger, string userName, string address, string reason);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "Refused API keys from {Address} for {RetryAfter} after repeated unknown keys")]
    public static partial void ApiKeysLocked(ILogger logger, string address, TimeSpan retryAfter);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Could not record when {Count} API key(s) were last used; the next flush tries again")]
    public static partial void ApiKeyUsageNotWritten(ILogger logger, Exception exception, int count);
}
