global using TaskForge.Projections.Storage;
