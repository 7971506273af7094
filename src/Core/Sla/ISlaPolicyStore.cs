namespace SocialWatch.Core.Sla;

/// <summary>SLA policies as admins edit them; every change is written to the admin audit.</summary>
public interface ISlaPolicyStore
{
    Task<SlaPolicy?> GetAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<SlaPolicy>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(SlaPolicy policy, string actor, CancellationToken cancellationToken);
}
