# Sign the Windows build (dist\mmc-mms\*.exe) with the committee's Authenticode certificate,
# on a Windows build machine with the Windows SDK's signtool. The certificate is taken from
# the machine's store by its thumbprint (a hardware token or an HSM in practice).
#
#   pwsh scripts\release\windows\sign.ps1 -Thumbprint <SHA1> [-Dist dist\mmc-mms]
#   pwsh scripts\release\windows\sign.ps1 -Thumbprint <SHA1> -Files Setup-MMC-MMS.exe
param(
    [Parameter(Mandatory = $true)][string]$Thumbprint,
    [string]$Dist = "dist\mmc-mms",
    [string[]]$Files = @(),
    [string]$TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
if ($Files.Count -eq 0) {
    $Files = Get-ChildItem -Path $Dist -Filter "mmc*.exe" | ForEach-Object { $_.FullName }
}
foreach ($file in $Files) {
    & signtool sign /sha1 $Thumbprint /fd SHA256 /tr $TimestampUrl /td SHA256 /d "MMC-MMS" $file
    if ($LASTEXITCODE -ne 0) { throw "signing $file failed" }
    & signtool verify /pa /v $file
    if ($LASTEXITCODE -ne 0) { throw "$file does not verify after signing" }
}
Write-Host "signed and verified: $($Files -join ', ')"
