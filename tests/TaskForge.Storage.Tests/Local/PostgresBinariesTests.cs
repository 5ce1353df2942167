using TaskForge.Storage.Local;

namespace TaskForge.Storage.Tests.Local;

public sealed class PostgresBinariesTests
{
    [Fact]
    public void Without_server_binaries_the_error_says_what_to_install()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.Locate(["/nonexistent/bin"]));

        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Contains("TASKFORGE_TEST_PG", error.Message);
    }
}
