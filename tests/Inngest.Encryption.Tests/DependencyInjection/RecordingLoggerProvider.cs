using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Inngest.Encryption.Tests.DependencyInjection;

/// <summary>
/// A logging provider that writes down everything at every level: the formatted message, every state value, every
/// scope and the whole exception, so a test can look for a key in all of it.
/// </summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public int Entries { get; private set; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_text)
        {
            _text.AppendLine(line);
            Entries++;
        }
    }

    private sealed class Logger : ILogger
    {
        private readonly RecordingLoggerProvider _owner;
        private readonly string _category;

        public Logger(RecordingLoggerProvider owner, string category)
        {
            _owner = owner;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            _owner.Add($"scope {_category}: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => _owner.Add($"{logLevel} {_category} [{eventId}] {formatter(state, exception)} | {Describe(state)} | {exception}");

        private static string Describe(object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                var text = new StringBuilder();
                foreach (var (key, value) in values)
                {
                    text.Append(key).Append('=').Append(value is System.Collections.IEnumerable list and not string ? string.Join(",", Flatten(list)) : value).Append("; ");
                }

                return text.ToString();
            }

            return state?.ToString() ?? string.Empty;
        }

        private static IEnumerable<object?> Flatten(System.Collections.IEnumerable list)
        {
            foreach (var item in list)
            {
                yield return item;
            }
        }
    }
}
