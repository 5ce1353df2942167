Console.WriteLine("TaskForge benchmarks");
