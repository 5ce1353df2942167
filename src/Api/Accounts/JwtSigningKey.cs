using Microsoft.IdentityModel.Tokens;
using TaskForge.Api.Hosting;

namespace TaskForge.Api.Accounts;

/// <summary>
/// The HS256 key that signs and checks access tokens: <c>Auth:SigningKey</c> (base64, at least 32 bytes), else a key
/// generated once and kept in <c>{TaskForge:DataDirectory}/jwt-signing-key</c> (mode 600). Nodes of one deployment must
/// share the key through configuration: a generated key is only good for a single node.
/// </summary>
public sealed class JwtSigningKey
{
    public const int MinimumBytes = 32;
    public const string FileName = "jwt-signing-key";

    private JwtSigningKey(byte[] bytes, string source)
    {
        Key = new SymmetricSecurityKey(bytes) { KeyId = null };
        Source = source;
    }

    public SymmetricSecurityKey Key { get; }

    /// <summary>Where the key came from (configuration, or the file's path), for logs. Never the key itself.</summary>
    public string Source { get; }

    public static JwtSigningKey FromBase64(string base64, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new ConfigurationError($"The JWT signing key from {source} is not valid base64.");
        }

        return bytes.Length >= MinimumBytes
            ? new JwtSigningKey(bytes, source)
            : throw new ConfigurationError($"The JWT signing key from {source} has {bytes.Length} bytes; HS256 needs at least {MinimumBytes}.");
    }

    public static JwtSigningKey Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Auth:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
            return FromBase64(configured, "configuration Auth:SigningKey");

        var folder = Path.GetFullPath(configuration["TaskForge:DataDirectory"] ?? ".taskforge");
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
            return FromBase64(File.ReadAllText(path), path);

        Directory.CreateDirectory(folder);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process on this data directory created it first: use theirs.
            return FromBase64(File.ReadAllText(path), path);
        }

        Console.WriteLine($"TaskForge: no Auth:SigningKey configured; generated a JWT signing key in {path} (give every node the same Auth:SigningKey to run more than one).");
        return FromBase64(key, path);
    }
}
