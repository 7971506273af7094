// The web benchmark references the Host, whose Hangfire.PostgreSql brings Dapper.AOT's analyzer along. The benchmarks
// use Dapper's ordinary reflection-based mapping, as the stores do, so AOT is switched off explicitly for this assembly.
[module: Dapper.DapperAot(false)]
