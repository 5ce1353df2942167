namespace TaskForge.GraphQL.Types;

/// <summary>Shared boxes for common small integers and booleans, so serializing them allocates nothing.</summary>
internal static class Boxes
{
    private const int Min = -128;
    private const int Max = 1024;
    private static readonly object[] Ints = CreateInts();
    private static readonly object True = true;
    private static readonly object False = false;

    public static object Int(int value) => value is >= Min and <= Max ? Ints[value - Min] : value;

    public static object Bool(bool value) => value ? True : False;

    private static object[] CreateInts()
    {
        var boxes = new object[Max - Min + 1];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i + Min;
        }

        return boxes;
    }
}
