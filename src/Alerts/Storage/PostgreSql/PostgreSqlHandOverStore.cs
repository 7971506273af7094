using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.PostgreSql;

internal sealed class PostgreSqlHandOverStore(PostgreSqlDialect dialect) : SqlHandOverStore(dialect, HandOverStatements.ReturningAndLimit);
