using System;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Runtime.Tests;

/// <summary>The copy constructor the DI package builds each client's options with: every setting, none shared.</summary>
public sealed class OptionsCopyTests
{
    private sealed class Listener : InngestSendListener
    {
    }

    private sealed class Hook : InngestSendMiddleware
    {
        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context) => evt;
    }

    [Fact]
    public void The_copy_has_every_public_setting_and_its_own_retry_settings()
    {
        Func<string, string?> reader = _ => "x";
        var original = new InngestClientOptions
        {
            EventKey = "k-123456789",
            IsDev = true,
            BaseUrl = "https://example.com/p/",
            Env = "preview",
            MaxEventBytes = 1000,
            MaxEventsPerRequest = 7,
            MaxRequestBytes = 5000,
            AllowInsecureHttp = true,
            TimeProvider = new FakeTimeProvider(),
            JsonTypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Listener = new Listener(),
            EnvironmentReader = reader,
        };
        original.SendMiddleware.Add(new Hook());
        original.SendMiddleware.Add(new Hook());
        original.Retry.MaxAttempts = 3;
        original.Retry.InitialDelay = TimeSpan.FromSeconds(1);
        original.Retry.MaxJitter = TimeSpan.FromSeconds(2);
        original.Retry.MaxDelay = TimeSpan.FromSeconds(3);
        original.Retry.AttemptTimeout = TimeSpan.FromSeconds(4);

        var copy = new InngestClientOptions(original);

        // Every public read-write property (a new one fails here until the copy constructor copies it).
        foreach (var property in typeof(InngestClientOptions).GetProperties().Where(p => p.CanRead && p.CanWrite && p.Name != nameof(InngestClientOptions.Retry)))
        {
            Assert.Equal(property.GetValue(original), property.GetValue(copy));
        }

        foreach (var property in typeof(InngestRetryOptions).GetProperties().Where(p => p.CanRead && p.CanWrite))
        {
            Assert.Equal(property.GetValue(original.Retry), property.GetValue(copy.Retry));
        }

        // The get-only list: the same hooks in the same order, in a list of its own.
        Assert.Equal(original.SendMiddleware, copy.SendMiddleware);
        Assert.NotSame(original.SendMiddleware, copy.SendMiddleware);
        copy.SendMiddleware.Clear();
        Assert.Equal(2, original.SendMiddleware.Count);

        Assert.NotSame(original.Retry, copy.Retry);
        copy.Retry.MaxAttempts = 1;
        Assert.Equal(3, original.MaxAttempts);
    }
}
