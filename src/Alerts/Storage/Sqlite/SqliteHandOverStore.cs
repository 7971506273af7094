using SocialWatch.Alerts.Storage.Workflow;

namespace SocialWatch.Alerts.Storage.Sqlite;

internal sealed class SqliteHandOverStore(SqliteDialect dialect) : SqlHandOverStore(dialect, HandOverStatements.ReturningAndLimit);
