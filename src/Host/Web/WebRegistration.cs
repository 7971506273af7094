using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using SocialWatch.Host.Web.Alerts;
using SocialWatch.Host.Web.Api;
using SocialWatch.Host.Web.Auth;
using SocialWatch.Host.Web.Charts;
using SocialWatch.Host.Web.Live;
using SocialWatch.Storage;

namespace SocialWatch.Host.Web;

/// <summary>The web UI, its JSON API, sign-in and live updates.</summary>
public static class WebRegistration
{
    public static IServiceCollection AddSocialWatchWeb(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(WebMarker)))
        {
            return services;
        }

        services.AddSingleton<WebMarker>();
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();

        var authentication = services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "socialwatch.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = SessionValidator.OnValidatePrincipalAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        if (options.Oidc.Enabled)
        {
            authentication.AddOpenIdConnect(o =>
            {
                o.Authority = options.Oidc.Authority;
                o.ClientId = options.Oidc.ClientId;
                o.ClientSecret = options.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.Scope.Add("email");
                o.TokenValidationParameters.NameClaimType = "preferred_username";
                o.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
                o.Events.OnTokenValidated = context =>
                {
                    OidcRoles.Map(context.Principal!, options.Oidc);
                    return Task.CompletedTask;
                };
            });
        }

        services.AddSingleton<IAuthorizationHandler, ApiAccessHandler>();
        string[] interactive = [CookieAuthenticationDefaults.AuthenticationScheme];
        string[] anyScheme = [CookieAuthenticationDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName];
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(interactive).RequireAuthenticatedUser().Build())
            .AddPolicy(SocialWatchPolicies.Agent, p => p.AddAuthenticationSchemes(interactive).RequireRole(SocialWatchRoles.Agent, SocialWatchRoles.Manager))
            .AddPolicy(SocialWatchPolicies.Pr, p => p.AddAuthenticationSchemes(interactive).RequireRole(SocialWatchRoles.Pr, SocialWatchRoles.Manager))
            .AddPolicy(SocialWatchPolicies.AlertPage, p => p.AddAuthenticationSchemes(interactive).RequireRole(SocialWatchRoles.Agent, SocialWatchRoles.Pr, SocialWatchRoles.Manager))
            .AddPolicy(SocialWatchPolicies.Manager, p => p.AddAuthenticationSchemes(interactive).RequireRole(SocialWatchRoles.Manager))
            .AddPolicy(SocialWatchPolicies.Admin, p => p.AddAuthenticationSchemes(interactive).RequireRole(SocialWatchRoles.Admin))
            .AddPolicy(SocialWatchPolicies.Reader, p => p.AddAuthenticationSchemes(anyScheme).AddRequirements(
                new ApiAccessRequirement([SocialWatchRoles.Agent, SocialWatchRoles.Pr, SocialWatchRoles.Manager], [ApiKeyScopes.Integration])))
            .AddPolicy(SocialWatchPolicies.AlertWriter, p => p.AddAuthenticationSchemes(anyScheme).AddRequirements(
                new ApiAccessRequirement([SocialWatchRoles.Agent, SocialWatchRoles.Manager], [ApiKeyScopes.AlertsWrite])))
            .AddPolicy(SocialWatchPolicies.Push, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopes.Push));

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryCheck.HeaderName;
            o.Cookie.Name = "socialwatch.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var webAssembly = typeof(WebRegistration).Assembly;
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AllowAnonymousToPage("/Denied");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AuthorizeFolder("/Triage", SocialWatchPolicies.Agent);
            o.Conventions.AuthorizeFolder("/Alerts", SocialWatchPolicies.AlertPage);
            o.Conventions.AuthorizeFolder("/Dashboard", SocialWatchPolicies.Pr);
            o.Conventions.AuthorizeFolder("/Admin", SocialWatchPolicies.Admin);
        })
        .ConfigureApplicationPartManager(parts =>
        {
            // The pages live in this assembly even when the entry assembly is another one (a test host, a worker).
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == webAssembly))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(webAssembly).GetApplicationParts(webAssembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddScoped<LocalAccounts>();
        services.AddSignInProtection();
        services.AddScoped<DemoUserSeeder>();
        services.AddScoped<TeamScope>();
        services.AddScoped<AlertActionRunner>();
        services.AddSingleton<DashboardCharts>();
        services.AddSingleton<LiveAlertFeed>();

        return services;
    }

    /// <summary>
    /// Authentication, authorization, anti-forgery, pages, the live stream and the JSON API. Call after routing-free
    /// middleware (exception handler, static files) and before mapping anything that needs a signed-in user.
    /// </summary>
    public static async Task UseSocialWatchWebAsync(this WebApplication app)
    {
        if (!((IApplicationBuilder)app).Properties.TryAdd(nameof(UseSocialWatchWebAsync), true))
        {
            return;
        }

        DemoAccounts demo;
        using (var scope = app.Services.CreateScope())
        {
            demo = await scope.ServiceProvider.GetRequiredService<DemoUserSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        }

        // After "Now listening on": the addresses are known, and the banner is the last thing start-up prints.
        if (demo.UserNames.Count > 0)
        {
            app.Lifetime.ApplicationStarted.Register(() => Console.Out.Write(StartBanner.Render(app.Urls, demo)));
        }

        app.Use(ServerTiming);
        app.Use(SecurityHeaders);

        // Scripts and styles are embedded in the assembly, so they are served whatever the content root is.
        var assets = new EmbeddedFileProvider(typeof(WebRegistration).Assembly, "SocialWatch.Host.wwwroot");
        app.UseStaticFiles(new StaticFileOptions { FileProvider = assets });
        app.Environment.WebRootFileProvider = new CompositeFileProvider(assets, app.Environment.WebRootFileProvider);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        // The Hangfire dashboard can run and delete jobs: admins only, whatever filter it was mapped with
        // (pass HangfireAdminFilter to it as well). Anonymous callers were already challenged by the fallback policy.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/hangfire"),
            branch => branch.Use(async (context, next) =>
            {
                if (!context.User.IsInRole(SocialWatchRoles.Admin))
                {
                    await context.ForbidAsync();
                    return;
                }

                await next();
            }));
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapLiveAlerts();
        app.MapChartEndpoints();
        app.MapAlertApi();
        app.MapMentionApi();
        app.MapMentionExport();
        app.MapFeedbackApi();
        app.MapDigestApi();
        app.MapAuthorErasureApi();
    }

    /// <summary>API callers and the live stream get a status code; people get the sign-in or denied page.</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (ErrorPages.IsForMachines(path))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Tells the browser (and the web benchmark) how long the server spent before the response started.</summary>
    private static Task ServerTiming(HttpContext context, Func<Task> next)
    {
        var start = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={elapsed:0.00}");
            return Task.CompletedTask;
        });
        return next();
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";

        // Scripts only from this host: even an encoding slip cannot run a stranger's inline script. The Hangfire
        // dashboard (admin-only) ships inline scripts and styles of its own, so it is left to its own headers.
        if (context.Request.Path.StartsWithSegments("/hangfire"))
        {
            return next();
        }

        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        return next();
    }
}

/// <summary>Marks that the web is registered, so a second call adds nothing twice.</summary>
internal sealed class WebMarker;

/// <summary>What an API key may do.</summary>
public static class ApiKeyScopes
{
    public const string Push = "push";
    public const string Integration = "integration";

    /// <summary>Works alerts through the API (claim, acknowledge, respond, promise, resolve, dismiss) in every team.</summary>
    public const string AlertsWrite = "alerts:write";

    public static IReadOnlyList<string> All { get; } = [Push, Integration, AlertsWrite];
}
