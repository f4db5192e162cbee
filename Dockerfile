# Build with the same command CI runs, then run the shaded jar on a JRE as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY config ./config
RUN mvn -B verify

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin paperboy
WORKDIR /app
COPY --from=build /src/target/paperboy.jar /app/paperboy.jar
COPY --from=build /src/config /app/config
RUN mkdir -p /app/data && chown -R paperboy:paperboy /app/data /app/config
# A class-data archive recorded from a search on the example content (the second run is served by the
# index the first one built): the JVM then loads its classes ready-made and starts in about half the time.
# A JVM that cannot use the archive ignores it (-Xshare:auto), and its warning goes to standard error,
# where it cannot spoil the JSON that search prints.
RUN java -jar /app/paperboy.jar search --data /tmp/cds --json "vision transformer" > /dev/null \
 && java -XX:ArchiveClassesAtExit=/app/paperboy.jsa -jar /app/paperboy.jar search --data /tmp/cds --json \
      "vision transformer" > /dev/null \
 && rm -rf /tmp/cds
USER paperboy
# config/ holds paperboy.yml, content/ and, if logging is to change, logback.xml; data/ holds the database
# and search index.
VOLUME ["/app/config", "/app/data"]
# Tokens come only from the environment: docker run -e DISCORD_TOKEN -e TELEGRAM_TOKEN ...
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/paperboy.jsa", "-Xshare:auto", "-Xlog:disable", \
            "-Xlog:all=warning:stderr", "-jar", "/app/paperboy.jar"]
CMD ["run"]
