using System.Text;

namespace DialControl.Functions.Hosting;

/// <summary>
/// Writes whole lines to the function's output (stdout in Lambda), one at a time: a log line and an
/// Embedded Metric Format line written from two threads never interleave, and each becomes one
/// CloudWatch Logs event.
/// </summary>
public sealed class LogLineWriter
{
    private readonly TextWriter _output;
    private readonly Lock _gate = new();

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public LogLineWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Writes one line of UTF-8 JSON and the newline that ends it, then flushes.</summary>
    public void WriteLine(ReadOnlySpan<byte> utf8Line)
    {
        // One Write call per line: the console writer flushes after every call, and two calls could
        // let a write from outside this class (an unhandled-exception report) land between them.
        var text = Encoding.UTF8.GetString(utf8Line) + "\n";
        lock (_gate)
        {
            _output.Write(text);
            _output.Flush();
        }
    }
}
