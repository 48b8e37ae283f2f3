@echo off
rem Ballast launcher for Windows: builds what is missing, then runs the client or a subcommand.
setlocal
set ROOT=%~dp0
set APP_JAR=%ROOT%app\target\ballast-app.jar
set AGENT_JAR=%ROOT%agent\target\ballast-agent.jar
if not exist "%APP_JAR%" goto build
if not exist "%AGENT_JAR%" goto build
goto run
:build
echo ballast: building (first run)... 1>&2
pushd "%ROOT%"
call mvn -B -q -DskipTests -pl app,agent -am package
if errorlevel 1 (
  popd
  echo ballast: build failed; run "mvn -B -DskipTests -pl app,agent -am package" to see why 1>&2
  exit /b 2
)
popd
:run
if "%~1"=="agent" goto agent
java -jar "%APP_JAR%" %*
exit /b %ERRORLEVEL%
:agent
rem %* ignores shift, so the agent's arguments are collected one by one.
set ARGS=
shift
:collect
if "%~1"=="" goto runagent
set ARGS=%ARGS% %1
shift
goto collect
:runagent
java -jar "%AGENT_JAR%" %ARGS%
exit /b %ERRORLEVEL%
