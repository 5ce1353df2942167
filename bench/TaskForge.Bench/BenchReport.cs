using System.Runtime.InteropServices;
using System.Text;

namespace TaskForge.Bench;

/// <summary>A markdown report: the machine, the workload, and result tables with a same-run baseline.</summary>
public sealed class BenchReport(string title)
{
    private readonly StringBuilder _body = new();

    public void Paragraph(string text) => _body.AppendLine(text).AppendLine();

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.AppendLine("| " + string.Join(" | ", header) + " |");
        _body.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            _body.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        _body.AppendLine();
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, " +
        $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}" +
        (File.Exists("/proc/loadavg") ? $"; load average when the report was written (1/5/15 min): {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "");

    public async Task<string> WriteAsync(string fileStem, CancellationToken cancellationToken = default)
    {
        var folder = Common.BenchTree.Bench("results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileStem + ".md");
        var text = $"# {title}\n\nRun {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()}.\n\n{_body}";
        await File.WriteAllTextAsync(path, text, cancellationToken);
        Console.WriteLine(text);
        Console.WriteLine($"report written to {path}");
        return path;
    }
}
