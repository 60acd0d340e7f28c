using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>Reloads <see cref="InngestOptions"/> when the bound configuration changes; never, without configuration.</summary>
internal sealed class InngestChangeTokenSource : IOptionsChangeTokenSource<InngestOptions>
{
    private static readonly IChangeToken Never = new CancellationChangeToken(System.Threading.CancellationToken.None);
    private readonly IConfiguration? _configuration;

    public InngestChangeTokenSource(IConfiguration? configuration)
    {
        _configuration = configuration;
    }

    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => _configuration?.GetReloadToken() ?? Never;
}
