# TaskForge API image: GraphiQL's bundle built by node, the API published by the .NET SDK, run on the ASP.NET runtime.
# Build from the repository root: docker build -t taskforge-api .

FROM node:20-bookworm-slim AS graphiql
WORKDIR /web/graphiql
COPY web/graphiql/package.json web/graphiql/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web/graphiql/ ./
RUN TASKFORGE_GRAPHIQL_OUT=/out/graphiql npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet restore src/Api/TaskForge.Api.csproj
COPY --from=graphiql /out/graphiql src/Api/wwwroot/graphiql
# The bundle is already there: the SDK image has no node, and needs none.
RUN dotnet publish src/Api/TaskForge.Api.csproj -c Release --no-restore -p:BuildGraphiQL=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    Logging__Format=json
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "TaskForge.Api.dll"]
