using System.Security.Cryptography;
using TaskForge.Integrity;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Hosting;

public static class IntegrityExtensions
{
    private const string KeyFile = "integrity-signing.key";

    /// <summary>
    /// The hash chain over the event log (ADRs 0093-0095): one chain per workspace (the <c>workspace-id</c> header) and
    /// one through the whole log, built by a daemon subscription wherever the projections run, with checkpoints signed
    /// by <c>Integrity:SigningKey</c> (base64, at least 32 bytes). Off with <c>Integrity:Enabled=false</c>.
    /// </summary>
    public static WebApplicationBuilder AddTaskForgeIntegrity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection("Integrity");
        if (!section.GetValue("Enabled", true))
            return builder;

        var options = new IntegrityOptions
        {
            Schema = builder.Configuration["TaskForge:Schema"] ?? "taskforge",
            ChainKeyHeader = EventHeaders.WorkspaceId,
            SigningKey = ResolveKey(builder),
            BatchSize = section.GetValue("BatchSize", 500),
        };
        builder.Services.AddEventIntegrity(options, chain: true);
        return builder;
    }

    private static byte[] ResolveKey(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Integrity:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
            return FromBase64(configured, "configuration Integrity:SigningKey");

        var embedded = string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("TaskForge"));
        if (!embedded && !builder.Environment.IsDevelopment())
            throw new ConfigurationError(
                "Integrity:SigningKey is not configured. It signs the event log's hash-chain checkpoints: give every node the same "
                + $"base64 key of at least {IntegrityOptions.MinimumKeyBytes} bytes (e.g. `openssl rand -base64 32`), or set Integrity:Enabled=false.");

        // The embedded database and Development: a key kept beside the data, as for the JWT key.
        var folder = Path.GetFullPath(builder.Configuration["TaskForge:DataDirectory"] ?? ".taskforge");
        var path = Path.Combine(folder, KeyFile);
        if (File.Exists(path))
            return FromBase64(File.ReadAllText(path), path);

        Directory.CreateDirectory(folder);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, fileOptions);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            return FromBase64(File.ReadAllText(path), path);
        }

        Console.WriteLine($"TaskForge: no Integrity:SigningKey configured; generated the hash-chain signing key in {path}.");
        return FromBase64(key, path);
    }

    private static byte[] FromBase64(string base64, string source)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written))
            throw new ConfigurationError($"The integrity signing key from {source} is not base64.");
        return written >= IntegrityOptions.MinimumKeyBytes
            ? buffer[..written]
            : throw new ConfigurationError($"The integrity signing key from {source} has {written} bytes; at least {IntegrityOptions.MinimumKeyBytes} are needed.");
    }
}
