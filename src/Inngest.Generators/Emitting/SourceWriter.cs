using System.Text;

namespace Inngest.Generators.Emitting;

/// <summary>A small indented text writer for generated source (4 spaces, '\n' line ends).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter(int indent = 0) => _indent = indent;

    /// <summary>Moves the indentation by <paramref name="levels"/> (negative to dedent).</summary>
    public void Indent(int levels) => _indent += levels;

    /// <summary>Appends text written by another writer as it is.</summary>
    public void Raw(string text) => _builder.Append(text);

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes a multi-line template, each line at the current indentation.</summary>
    public SourceWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    /// <summary>Opens a brace block on its own line (after a declaration written with <see cref="Line"/>).</summary>
    public SourceWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
