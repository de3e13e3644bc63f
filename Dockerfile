# Builds the portal from source and runs it on a JRE. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY nlp-pipeline nlp-pipeline
COPY search search
COPY interview-portal interview-portal
COPY templates templates
RUN mvn -q -B -pl interview-portal -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app portal && mkdir -p /data && chown portal /data
WORKDIR /app
COPY --from=build /src/interview-portal/target/interview-portal.jar /app/interview-portal.jar
ENV PORTAL_DATA_DIR=/data
# The sentence encoder's tokenizer (DJL) unpacks its native library from its jar into this folder at start;
# the portal user's home (/app) is not writable.
ENV DJL_CACHE_DIR=/tmp/djl
VOLUME /data
USER portal
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/interview-portal.jar"]
